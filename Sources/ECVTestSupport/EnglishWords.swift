import ECVModel
import Foundation

/// Finds English left in text meant for a Chinese reader.
public enum EnglishWords {
    /// The runs of two or more Latin letters in `text` that are not data: catalogue ids, units, choices,
    /// vehicle models, contacts, the Chinese texts of the catalogue files, and `allowed` (such as typed keys).
    ///
    /// Text is cut into tokens of ASCII letters, digits and `. _ - / %`, so that `power.generator-start` or
    /// `HLJ-FIRE-01` is one token and a unit such as `s` only passes where it stands alone.
    public static func remaining(in text: String, catalog: Catalog, allowing allowed: Set<String> = []) -> [String] {
        let data = Self.data(of: catalog)
        var rest = text
        for free in data.texts.sorted(by: { $0.count > $1.count }) where !free.isEmpty {
            rest = rest.replacingOccurrences(of: free, with: " ")
        }
        let tokens = rest.split { !($0.isASCII && ($0.isLetter || $0.isNumber || "._-/%".contains($0))) }
        return tokens.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "./-")) }.filter { token in
            token.range(of: "[A-Za-z]{2,}", options: .regularExpression) != nil && !data.tokens.contains(token)
                && !allowed.contains(token)
        }
    }

    private static func data(of catalog: Catalog) -> (tokens: Set<String>, texts: [String]) {
        var tokens: Set<String> = []
        var texts: [String] = []
        func add(_ contact: Contact?) {
            texts += [contact?.name, contact?.phone, contact?.email].compactMap { $0 }
        }
        for checklist in catalog.checklists {
            tokens.insert(checklist.subsystem.rawValue)
            texts.append(checklist.title.zh)
            for item in checklist.items {
                tokens.formUnion([item.id, item.fullID])
                texts += [item.title.zh, item.method?.zh].compactMap { $0 }
                switch item.kind {
                case .measure(let unit, _): tokens.insert(unit)
                case .choice(let choices, _): tokens.formUnion(choices)
                case .check, .text: break
                }
            }
        }
        for team in catalog.teams {
            tokens.insert(team.id)
            texts += [team.name.zh, team.base.name.zh]
        }
        for client in catalog.clients {
            tokens.insert(client.id)
            texts.append(client.name.zh)
            add(client.contact)
        }
        for route in catalog.routes {
            tokens.insert(route.id)
            texts.append(route.name.zh)
            for site in route.sites {
                tokens.insert(site.id)
                texts += [site.city?.zh, site.address?.zh].compactMap { $0 }
                add(site.contact)
                for vehicle in site.vehicles {
                    tokens.insert(vehicle.id)
                    texts += [vehicle.model].compactMap { $0 }
                }
            }
        }
        return (tokens, texts)
    }
}
