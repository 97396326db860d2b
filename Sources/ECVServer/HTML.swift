import ECVModel
import ECVReports

/// HTML text: every value from data goes through `escape`, and pages share one layout.
enum HTML {
    /// `text` safe inside element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        Markup.escape(text)
    }

    /// A localized text as both languages, the Chinese first, each marked with its language.
    static func bilingual(_ text: LocalizedText) -> String {
        let zh = text.text(in: .zh)
        let en = text.text(in: .en)
        guard zh != en else { return escape(en) }
        return "<span lang=\"zh\">\(escape(zh))</span> <span lang=\"en\" class=\"en\">\(escape(en))</span>"
    }

    /// The class that colours a readiness.
    static func readinessClass(_ readiness: Readiness) -> String {
        switch readiness {
        case .notDeployable: return "bad"
        case .restricted, .incomplete: return "warn"
        case .deployable: return "good"
        case .notInspected: return "none"
        }
    }

    static func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · ecv</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; margin: 1.5rem; color: #1b1f24; }
        nav a { margin-right: 1rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
        th, td { border-bottom: 1px solid #d0d7de; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
        .en { color: #57606a; }
        .verdict { display: inline-block; padding: 0.3rem 0.7rem; border-radius: 4px; font-weight: bold; }
        .bad { background: #ffd8d3; color: #82071e; } .warn { background: #fff1c2; color: #6b4b00; }
        .good { background: #d6f5dd; color: #0a4d1f; } .none { background: #eaeef2; color: #424a53; }
        .item form { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
        .method { font-size: 0.9em; color: #57606a; max-width: 46rem; }
        .saved { color: #0a4d1f; font-size: 0.9em; } .error { color: #82071e; font-weight: bold; }
        </style></head>
        <body><nav><a href="/">Readiness board</a><a href="/today">Today</a></nav>
        \(body)
        </body></html>
        """
    }
}
