import ECVModel
import ECVTestSupport
import Foundation
import Testing

/// `ecv today --lang zh` through the real binary: the day's table in Chinese, the JSON the same in every language.
@Suite struct TodayTerminalTests {
    @Test func theDayInChineseSaysNothingInEnglishAndTheJSONStaysTheSame() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        let season = try SampleSeason(in: folder, root: folder.url)
        let root = ["--root", folder.url.path]
        let line = try #require(season.plan.routes.first { $0.route == "northeast" })
        let visitDays: [CalendarDay] = line.stops.flatMap { stop in stop.visits.map(\.start.day) }
        let first = try #require(visitDays.min())
        let last = try #require(visitDays.max())
        var days: [CalendarDay] = []
        var day = first
        while day <= last {
            days.append(day)
            day = day.adding(days: 1)
        }
        var tables = ""
        for day in days {
            let run = try ECVRunner.run(
                ["today", "--team", "team-ne", "--date", day.description, "--lang", "zh"] + root)
            #expect(run.status == 0, "\(run.stderr)")
            tables += run.stdout
        }
        for shown in [
            "team-ne（东北组），线路 northeast，", " 周", "——计划第 1 版\n", "  行车 ", " 公里", "  检查 HLJ-FIRE-01", " 分钟",
            "，复检不合格项目", "    联系人：", "  地点 ", " 过夜\n",
        ] {
            #expect(tables.contains(shown), "missing `\(shown)`")
        }
        #expect(EnglishWords.remaining(in: tables, catalog: season.catalog) == [])

        let none = try ECVRunner.run(["today", "--date", "2026-01-05", "--lang", "zh"] + root)
        let span = try #require(season.plan.span())
        #expect(
            none.stdout
                == "计划第 1 版中 2026-01-05 没有安排\n巡检从 \(span.lowerBound) 到 \(span.upperBound)；用 --date YYYY-MM-DD 查看其中一天\n")

        let json = ["today", "--date", first.description, "--format", "json"] + root
        let english = try ECVRunner.run(json + ["--lang", "en"]).stdout
        #expect(english.contains("\"format\" : \"ecv-today/1\""))
        #expect(try ECVRunner.run(json + ["--lang", "zh"]).stdout == english)
    }

    @Test func beforeTheTourTodaySaysWhenItBeginsAndShowsThatDay() throws {
        let folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
        // The tour moved to a year with 2027's calendar, still ahead of any clock that runs this test.
        for line in ["northeast", "north-china", "northwest", "southwest", "central-south"] {
            let path = "Routes/\(line).yaml"
            try folder.write(try folder.read(path).replacingOccurrences(of: "2027-", with: "2094-"), to: path)
        }
        let season = try SampleSeason(in: folder, root: folder.url)
        let root = ["--root", folder.url.path]
        let span = try #require(season.plan.span(team: "team-ne"))
        let run = try ECVRunner.run(["today", "--team", "team-ne"] + root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.hasPrefix(
                "the tour begins on \(span.lowerBound) (plan version 1); that day is shown (another day: --date "
                    + "YYYY-MM-DD)\nteam-ne (Northeast team) on northeast, "), "\(run.stdout)")
        #expect(run.stdout.contains(" \(span.lowerBound) — plan version 1\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("no visits on"), "\(run.stdout)")
    }
}
