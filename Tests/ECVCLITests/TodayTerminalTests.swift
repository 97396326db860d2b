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
        #expect(none.stdout == "计划第 1 版中 2026-01-05 没有安排\n")

        let json = ["today", "--date", first.description, "--format", "json"] + root
        let english = try ECVRunner.run(json + ["--lang", "en"]).stdout
        #expect(english.contains("\"format\" : \"ecv-today/1\""))
        #expect(try ECVRunner.run(json + ["--lang", "zh"]).stdout == english)
    }
}
