import ECVCatalog
import ECVModel
import ECVTestSupport
import Foundation
import Testing

/// `ecv inspect` as an engineer at the vehicle types into the real binary: in Chinese, going back, a failure
/// with its note, a measured value outside its limits confirmed, help and stop.
@Suite struct InspectTerminalTests {
    struct Sample {
        let folder: TemporaryFolder
        let catalog: Catalog
        /// HLJ-FIRE-01's power items, in the order the inspection asks them.
        let power: [ChecklistItem]

        init() throws {
            folder = try TemporaryFolder(copyingCatalogFrom: ProjectPaths.sampleCatalog)
            catalog = CatalogLoader.load(root: folder.url).catalog
            let vehicle = try #require(catalog.placement(ofVehicle: "HLJ-FIRE-01")).vehicle
            power = catalog.items(applyingTo: vehicle).filter { $0.subsystem == .power }
            #expect(power.first?.fullID == "power.generator-start")
            #expect(power.dropFirst().first?.fullID == "power.generator-voltage")
        }

        func inspect(_ lines: [String], lang: String) throws -> ECVRunner.Result {
            try ECVRunner.run(
                [
                    "inspect", "HLJ-FIRE-01", "--subsystem", "power", "--lang", lang, "--engineer", "Zhang Wei",
                    "--root", folder.url.path,
                ], input: lines.joined(separator: "\n") + "\n")
        }

        func history() throws -> String {
            try ECVRunner.run(["history", "HLJ-FIRE-01", "--root", folder.url.path]).stdout
        }
    }

    @Test func anInspectionInChineseSaysNothingInEnglish() throws {
        let sample = try Sample()
        let run = try sample.inspect(
            ["?", "不合格", "", "启动继电器损坏", "250", "n", "２４０ Ｖ", "是", "电压偏高", "b", "", "q"], lang: "zh")
        #expect(run.status == 0, "\(run.stderr)")
        let out = run.stdout
        let count = sample.power.count
        for shown in [
            "[1/\(count)] power.generator-start  发电机启动（关键，检查项）",
            "  p 合格 / f 不合格 / na 不适用 / s 跳过\n> ",
            "  b 或“返回”回到上一项（显示已保存的答案，回车保留）",
            "  备注（原因）：  需要填写备注\n",
            "  已保存：不合格——备注：启动继电器损坏\n",
            "  测量值，单位 V；209 … 231 为合格\n",
            "  250 V 超出 209 … 231——记为不合格？y 是 / n 否 ",
            "  240 V 超出 209 … 231——记为不合格？",
            "  已保存：240 V，不合格——备注：电压偏高\n",
            "  已保存：240 V，不合格——备注：电压偏高（回车保留）\n> ",
            "已停止；已答的项目都已保存\n",
            "HLJ-FIRE-01 检查结论：不可出动（本次检查尚未做完）\n  不合格：power.generator-start（关键）\n",
        ] {
            #expect(out.contains(shown), "missing `\(shown)` in\n\(out)")
        }
        #expect(out.components(separatedBy: "[3/\(count)] ").count == 3, "item 3 asked, then again after going back")
        #expect(EnglishWords.remaining(in: out, catalog: sample.catalog, allowing: ["na"]) == [])

        // Enter after going back kept the answer: one result for the voltage, with its value and note.
        let history = try sample.history()
        #expect(history.components(separatedBy: "power.generator-voltage").count == 2, "\(history)")
        #expect(history.contains("电压偏高"))
    }

    @Test func goingBackShowsTheSavedAnswerAndANewAnswerReplacesIt() throws {
        let sample = try Sample()
        let run = try sample.inspect(["p", "b", "f", "relay clicks", "q"], lang: "en")
        let out = run.stdout
        #expect(out.contains("  saved: PASS\n"))
        #expect(out.contains("  p / f / na / s\n  saved: PASS (Enter keeps it)\n> "))
        #expect(out.contains("  saved: FAIL — note: relay clicks\n"))
        #expect(out.contains("HLJ-FIRE-01: NOT DEPLOYABLE (inspection not finished)\n"))
        #expect(out.contains("  failed: power.generator-start (critical)\n"))
        #expect(EnglishWords.remaining(in: out, catalog: sample.catalog).contains("saved"), "the check finds English")
        let history = try sample.history()
        #expect(history.contains("power.generator-start: pass → fail"), "\(history)")
    }

    @Test func aValueOutsideItsLimitsIsAFailureOnlyOnceConfirmedWithANote() throws {
        let sample = try Sample()
        let run = try sample.inspect(["p", "240", "maybe", "n", "0,22e3 V", "p", "b", "", "q"], lang: "en")
        let out = run.stdout
        #expect(out.contains("  value in V, pass when 209 … 231\n> "))
        #expect(out.contains("  240 V is outside 209 … 231 — record as FAIL? y/n   please type y or n\n"))
        #expect(out.contains("  saved: 220 V, PASS\n"))
        #expect(!out.contains("saved: 240 V"), "refused: asked for the value again")
        #expect(out.contains("  saved: 220 V, PASS (Enter keeps it)\n"))

        let confirmed = try sample.inspect(["b", "231.5 v", "y", "", "reads high on two meters", "q"], lang: "en")
        #expect(confirmed.stdout.contains("  231.5 V is outside 209 … 231 — record as FAIL? y/n   note (why): "))
        #expect(confirmed.stdout.contains("  note (why):   a note is needed\n"))
        #expect(confirmed.stdout.contains("  saved: 231.5 V, FAIL — note: reads high on two meters\n"))
        #expect(confirmed.stdout.contains("  failed: power.generator-voltage (major)\n"))
    }

    @Test func aValueInAnotherUnitOrGarbageIsRefusedInTheReadersLanguage() throws {
        let sample = try Sample()
        let run = try sample.inspect(["p", "220 Hz", "nan", "２２０ｖ", "q"], lang: "zh")
        #expect(run.stdout.contains("  power.generator-voltage：“220 Hz”的单位不对，请以 V 为单位输入\n"))
        #expect(run.stdout.contains("  power.generator-voltage：“nan”不是有效的数字\n"))
        #expect(run.stdout.contains("  已保存：220 V，合格\n"))
    }

    @Test func bothLanguagesSayEachLineOnceInEach() throws {
        let sample = try Sample()
        let run = try sample.inspect(["q"], lang: "both")
        #expect(
            run.stdout.contains(
                "] power.generator-start  发电机启动（关键，检查项） / Generator start  (critical, check)\n"))
        #expect(run.stdout.contains("  p 合格 / f 不合格 / na 不适用 / s 跳过 / p / f / na / s\n"))
        #expect(
            run.stdout.contains(
                "HLJ-FIRE-01 检查结论：未检查 / HLJ-FIRE-01: NOT INSPECTED\n"), "stopped before the first answer: no inspection"
        )
    }

    @Test func anUnknownVehicleIsSaidInTheReadersLanguage() throws {
        let sample = try Sample()
        let run = try ECVRunner.run(["inspect", "HLJ-FIRE-1", "--lang", "zh", "--root", sample.folder.url.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("没有车辆“HLJ-FIRE-1”；是否要找“HLJ-FIRE-01”？"), "\(run.stderr)")
        let english = try ECVRunner.run(["inspect", "HLJ-FIRE-1", "--root", sample.folder.url.path])
        #expect(english.stderr.contains("unknown vehicle `HLJ-FIRE-1`; did you mean `HLJ-FIRE-01`?"))
    }
}
