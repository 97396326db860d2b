import ECVCatalog
import ECVTestSupport
import Testing

/// Each rule of the catalog, shown by one edit of the minimal fixture and the exact message it causes.
@Suite struct ValidationRuleTests {
    typealias Edit = CatalogFixture.Edit
    static let northeast = "Routes/northeast.yaml"
    static let southwest = "Routes/southwest.yaml"
    static let power = "Checklists/power.yaml"

    @Test func theMinimalFixtureIsClean() throws {
        let load = try CatalogFixture().load()
        #expect(load.diagnostics.isEmpty)
        #expect(load.catalog.placements.count == 4)
        #expect(load.files.count == 6)
    }

    static let cases: [(String, [Edit], [String])] = [
        (
            "unclosed quote", [Edit(northeast, "work-hours: \"08:00-18:00\"", "work-hours: \"08:00-18:00")],
            ["Routes/northeast.yaml:7:13: error: quoted text is not closed: the \" here has no closing \" on its line"]
        ),
        (
            "duplicate key in a mapping",
            [Edit(southwest, "start: 2027-03-01", "start: 2027-03-01\nstart: 2027-03-02")],
            ["Routes/southwest.yaml:3:1: error: duplicate key `start` in one mapping"]
        ),
        (
            "unknown key with a suggestion", [Edit(northeast, "work-hours:", "work-hour:")],
            [
                "Routes/northeast.yaml:1:1: error: missing required key `work-hours` in route",
                "Routes/northeast.yaml:7:1: error: unknown key `work-hour` in route; did you mean `work-hours`?",
            ]
        ),
        (
            "unknown key without a suggestion", [Edit(southwest, "start: 2027-03-01", "start: 2027-03-01\nfoo: 1")],
            ["Routes/southwest.yaml:4:1: error: unknown key `foo` in route"]
        ),
        (
            "missing required key", [Edit(power, "    unit: V\n", "")],
            ["Checklists/power.yaml:12:5: error: missing required key `unit` in item `output-voltage`"]
        ),
        (
            "text where a number belongs", [Edit(power, "    minutes: 15", "    minutes: fifteen")],
            ["Checklists/power.yaml:10:14: error: `minutes` must be a whole number, found `fifteen`"]
        ),
        (
            "list where a text belongs", [Edit(power, "    title: Socket type", "    title: [Socket type]")],
            ["Checklists/power.yaml:20:12: error: `title` must be a text or {zh: …, en: …}, found a list"]
        ),
        (
            "huge number", [Edit(power, "    minutes: 15", "    minutes: 99999999999999999999999")],
            ["Checklists/power.yaml:10:14: error: `minutes` must be a whole number, found `99999999999999999999999`"]
        ),
        (
            "minutes out of range", [Edit(power, "    minutes: 15", "    minutes: 6000")],
            ["Checklists/power.yaml:10:14: error: `minutes` must be between 0 and 600, found 6000"]
        ),
        (
            "duplicate item id", [Edit(power, "  - id: socket-type", "  - id: output-voltage")],
            [
                "Checklists/power.yaml:19:9: error: duplicate item id `output-voltage`, first defined at "
                    + "Checklists/power.yaml:12:9"
            ]
        ),
        (
            "duplicate site id across files", [Edit(southwest, "  - id: cd-em-1", "  - id: cc-em-1")],
            [
                "Routes/southwest.yaml:7:9: error: duplicate site id `cc-em-1`, first defined at "
                    + "Routes/northeast.yaml:29:9"
            ]
        ),
        (
            "duplicate vehicle id across files", [Edit(southwest, "      - id: SC-EM-01", "      - id: JL-EM-01")],
            [
                "Routes/southwest.yaml:12:13: error: duplicate vehicle id `JL-EM-01`, first defined at "
                    + "Routes/northeast.yaml:34:13"
            ]
        ),
        (
            "duplicate route", [Edit(southwest, "route: southwest", "route: northeast")],
            [
                "Routes/southwest.yaml:1:8: error: duplicate route `northeast`, first defined at Routes/northeast.yaml:1:8"
            ]
        ),
        (
            "duplicate team", [Edit("Routes/teams.yaml", "  - id: team-b", "  - id: team-a")],
            [
                "Routes/southwest.yaml:2:7: error: route `southwest` names unknown team `team-b`; did you mean `team-a`?",
                "Routes/teams.yaml:7:9: error: duplicate team id `team-a`, first defined at Routes/teams.yaml:2:9",
            ]
        ),
        (
            "duplicate client", [Edit("Routes/clients.yaml", "  - id: jl-em", "  - id: hlj-fire")],
            [
                "Routes/clients.yaml:7:9: error: duplicate client id `hlj-fire`, first defined at Routes/clients.yaml:2:9",
                "Routes/northeast.yaml:30:13: error: site `cc-em-1` names unknown client `jl-em`",
                "Routes/southwest.yaml:8:13: error: site `cd-em-1` names unknown client `jl-em`",
            ]
        ),
        (
            "route names an unknown team", [Edit(northeast, "team: team-a", "team: team-x")],
            ["Routes/northeast.yaml:3:7: error: route `northeast` names unknown team `team-x`; did you mean `team-a`?"]
        ),
        (
            "site names an unknown client", [Edit(southwest, "    client: jl-em", "    client: jl-emm")],
            ["Routes/southwest.yaml:8:13: error: site `cd-em-1` names unknown client `jl-emm`; did you mean `jl-em`?"]
        ),
        (
            "latitude out of range", [Edit(northeast, "    lat: 45.8038", "    lat: 95.8038")],
            ["Routes/northeast.yaml:17:10: error: `lat` must be between -90 and 90, found 95.8038"]
        ),
        (
            "longitude out of range", [Edit(northeast, "    lon: 126.5350", "    lon: -181")],
            ["Routes/northeast.yaml:18:10: error: `lon` must be between -180 and 180, found -181"]
        ),
        (
            "malformed date", [Edit(southwest, "start: 2027-03-01", "start: 2027-3-1")],
            ["Routes/southwest.yaml:3:8: error: `start` must be a date YYYY-MM-DD, found `2027-3-1`"]
        ),
        (
            "impossible holiday", [Edit(northeast, "holidays: [2027-04-05]", "holidays: [2027-02-30]")],
            ["Routes/northeast.yaml:8:12: error: `holidays` must be a date YYYY-MM-DD, found `2027-02-30`"]
        ),
        (
            "malformed hours", [Edit(northeast, "work-hours: \"08:00-18:00\"", "work-hours: \"18:00-08:00\"")],
            [
                "Routes/northeast.yaml:7:13: error: `work-hours` must be hours \"HH:MM-HH:MM\" with the end after the "
                    + "start, found `18:00-08:00`"
            ]
        ),
        (
            "malformed weekday", [Edit(northeast, "fri, sat]", "fri, sa]")],
            [
                "Routes/northeast.yaml:6:37: error: unknown workdays `sa`; did you mean `sat`? "
                    + "(allowed: mon, tue, wed, thu, fri, sat, sun)"
            ]
        ),
        (
            "unknown time zone", [Edit(northeast, "timezone: Asia/Shanghai", "timezone: Asia/Shangai")],
            ["Routes/northeast.yaml:12:11: error: unknown time zone `Asia/Shangai`; did you mean `Asia/Shanghai`?"]
        ),
        (
            "malformed appointment", [Edit(northeast, "appointment: 2027-03-05T09:00", "appointment: 2027-03-05 9am")],
            [
                "Routes/northeast.yaml:21:18: error: `appointment` must be a date and time YYYY-MM-DDTHH:MM, "
                    + "found `2027-03-05 9am`"
            ]
        ),
        (
            "route ends before it starts", [Edit(southwest, "end: 2027-03-31", "end: 2027-02-28")],
            ["Routes/southwest.yaml:4:6: error: route ends on 2027-02-28, before it starts on 2027-03-01"]
        ),
        (
            "two routes of one team overlap", [Edit(southwest, "team: team-b", "team: team-a")],
            [
                "Routes/southwest.yaml:3:8: error: route `southwest` starts on 2027-03-01, while team `team-a` is still "
                    + "on route `northeast` (2027-03-01 to 2027-04-09)"
            ]
        ),
        (
            "appointment outside the route's dates",
            [Edit(northeast, "appointment: 2027-03-05T09:00", "appointment: 2027-05-06T09:00")],
            [
                "Routes/northeast.yaml:21:18: error: appointment 2027-05-06T09:00 at site `hrb-fire-1` is outside "
                    + "route `northeast` (2027-03-01 to 2027-04-09)"
            ]
        ),
        (
            "appointment on a holiday",
            [Edit(northeast, "appointment: 2027-03-05T09:00", "appointment: 2027-04-05T09:00")],
            ["Routes/northeast.yaml:21:18: error: appointment 2027-04-05T09:00 at site `hrb-fire-1` falls on a holiday"]
        ),
        (
            "appointment on a closed weekday",
            [Edit(northeast, "appointment: 2027-03-05T09:00", "appointment: 2027-03-06T09:00")],
            [
                "Routes/northeast.yaml:21:18: error: appointment 2027-03-06T09:00 at site `hrb-fire-1` falls on a "
                    + "Saturday, when the site is closed"
            ]
        ),
        (
            "appointment on an unavailable day",
            [Edit(northeast, "appointment: 2027-03-05T09:00", "appointment: 2027-03-10T09:00")],
            [
                "Routes/northeast.yaml:21:18: error: appointment 2027-03-10T09:00 at site `hrb-fire-1` falls on a day "
                    + "the site is unavailable"
            ]
        ),
        (
            "appointment before the site opens",
            [Edit(northeast, "appointment: 2027-03-05T09:00", "appointment: 2027-03-05T08:00")],
            [
                "Routes/northeast.yaml:21:18: error: appointment 2027-03-05T08:00 at site `hrb-fire-1` is outside the "
                    + "visiting hours 08:30-17:00"
            ]
        ),
        (
            "measure without limits", [Edit(power, "    limits: {min: 209, max: 231}\n", "")],
            ["Checklists/power.yaml:12:5: error: missing required key `limits` in item `output-voltage`"]
        ),
        (
            "limits min above max", [Edit(power, "limits: {min: 209, max: 231}", "limits: {min: 239, max: 231}")],
            ["Checklists/power.yaml:16:29: error: limits min 239 is greater than max 231"]
        ),
        (
            "limits without bounds", [Edit(power, "limits: {min: 209, max: 231}", "limits: {}")],
            ["Checklists/power.yaml:16:13: error: `limits` needs `min`, `max` or both"]
        ),
        (
            "choice whose pass is not a choice", [Edit(power, "    pass: [gb]", "    pass: [bg]")],
            ["Checklists/power.yaml:23:12: error: pass `bg` is not among the choices gb, schuko"]
        ),
        (
            "limits on a check item", [Edit(power, "    kind: check\n", "    kind: check\n    unit: s\n")],
            ["Checklists/power.yaml:9:11: error: `unit` is not used by a check item"]
        ),
        (
            "unknown severity", [Edit(power, "    severity: minor", "    severity: minr")],
            [
                "Checklists/power.yaml:24:15: error: unknown severity `minr`; did you mean `minor`? "
                    + "(allowed: critical, major, minor)"
            ]
        ),
        (
            "unknown kind", [Edit(power, "    kind: check", "    kind: chek")],
            [
                "Checklists/power.yaml:8:11: error: unknown kind `chek`; did you mean `check`? "
                    + "(allowed: check, measure, choice, text)"
            ]
        ),
        (
            "unknown subsystem", [Edit(power, "subsystem: power", "subsystem: powr")],
            [
                "Checklists/power.yaml:1:12: error: unknown subsystem `powr`; did you mean `power`? "
                    + "(allowed: antenna, satellite-link, network, audio-video, power)"
            ]
        ),
        (
            "warning: applies-to tag no vehicle has",
            [Edit(power, "applies-to: [generator]", "applies-to: [generatr]")],
            [
                "Checklists/power.yaml:11:18: warning: applies-to tag `generatr` of item `power.generator-start` is on "
                    + "no vehicle; did you mean `generator`?"
            ]
        ),
        (
            "warning: vehicle needs a skill its team lacks",
            [Edit(southwest, "equipment: [generator]", "equipment: [generator, ku-band]")],
            [
                "Routes/southwest.yaml:13:32: warning: vehicle `SC-EM-01` needs skill `ku-band`, which team `team-b` "
                    + "of route `southwest` lacks"
            ]
        ),
        (
            "warning: no item applies to a vehicle",
            [
                Edit(power, "    kind: measure\n", "    kind: measure\n    applies-to: [generator]\n"),
                Edit(power, "    kind: choice\n", "    kind: choice\n    applies-to: [generator]\n"),
                Edit(southwest, "equipment: [generator]", "equipment: [tiantong]"),
            ],
            ["Routes/southwest.yaml:12:13: warning: no checklist item applies to vehicle `SC-EM-01`"]
        ),
        (
            "warning: a visit longer than the site's day",
            [Edit(power, "    minutes: 15", "    minutes: 600")],
            [
                "Routes/northeast.yaml:23:13: warning: vehicle `HLJ-FIRE-01` needs 657 min but a day at site "
                    + "`hrb-fire-1` has only 510 min (08:30-17:00)",
                "Routes/northeast.yaml:27:13: warning: vehicle `HLJ-FIRE-02` needs 635 min but a day at site "
                    + "`hrb-fire-1` has only 510 min (08:30-17:00)",
                "Routes/southwest.yaml:12:13: warning: vehicle `SC-EM-01` needs 615 min but a day at site "
                    + "`cd-em-1` has only 600 min (08:00-18:00)",
            ]
        ),
    ]

    @Test(arguments: cases)
    func ruleReportsItsMessageAndLocation(_ rule: String, _ edits: [Edit], _ expected: [String]) throws {
        let diagnostics = try CatalogFixture(edits).diagnostics()
        #expect(diagnostics == expected, "\(rule)")
    }
}
