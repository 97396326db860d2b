#!/usr/bin/env bash
# Makes the report pictures in docs/ from real output: the shipped sample tour, results recorded through
# the CLI as a team would, PDFs printed by headless Chromium, page images by pdftoppm.
# Needs: chromium fonts-noto-cjk poppler-utils python3.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build --package-path "$here" -c release --product ecv >/dev/null
ecv="$(swift build --package-path "$here" -c release --show-bin-path)/ecv"
cp -r "$here/Checklists" "$here/Routes" "$work/"
cd "$work"
"$ecv" plan >/dev/null
"$ecv" keys init >/dev/null

# Every item of a vehicle answered so that it passes, then the given answers over it.
record() {
    local vehicle=$1 engineer=$2
    shift 2
    "$ecv" checklist "$vehicle" --format json | python3 -c '
import csv, json, sys
vehicle, overrides = sys.argv[1], dict(a.split("=", 1) for a in sys.argv[2:])
out = csv.writer(sys.stdout)
out.writerow(["vehicle", "item", "value", "note"])
for item in json.load(sys.stdin)["items"]:
    kind = item["kind"]
    value = {"check": "pass", "text": "SN-2024-0117", "choice": (item.get("pass") or [""])[0]}.get(kind)
    if kind == "measure":
        value = str(item.get("min", item.get("max", 0)))
    answer = overrides.get(item["item"], value + "|").split("|", 1)
    out.writerow([vehicle, item["item"], answer[0], answer[1] if len(answer) > 1 else ""])
' "$vehicle" "$@" >answers.csv
    "$ecv" record --file answers.csv --engineer "$engineer" >/dev/null
}

record HLJ-FIRE-01 "张伟" "power.generator-start=fail|启动继电器损坏，无法启动" \
    "antenna.pointing-loss=0.8|风大，重新对星后仍偏大" "satellite-link.forward-cn=9.4"
record HLJ-FIRE-02 "张伟" "power.generator-start=fail|发电机无法启动，启动继电器烧毁"
# The repair, then the recheck of the failed item only.
printf 'pass\n' | "$ecv" inspect HLJ-FIRE-02 --recheck --engineer "李娜" >/dev/null
record JL-FIRE-01 "李娜"
record HE-EM-02 "王强" "power.generator-start=fail|启动继电器损坏"
record SC-FIRE-01 "赵磊" "audio-video.mast-camera-ptz=fail|云台俯仰卡滞"

"$ecv" report vehicle HLJ-FIRE-01 --format pdf --lang zh --out out >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile out/*HLJ-FIRE-01*.pdf "$here/docs/report-vehicle-zh"
"$ecv" report vehicle HLJ-FIRE-02 --format pdf --lang zh --out out >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile out/*HLJ-FIRE-02*.pdf "$here/docs/report-vehicle-repaired-zh"
"$ecv" report tour --format pdf --lang both --out out >/dev/null
tour=$(ls out/tour-*.pdf)
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tour" "$here/docs/report-tour-summary"
# The map follows the table of lines: on page 1 or 2 depending on how long the table runs.
page=$(pdftotext "$tour" - | awk '/\f/{p++} /°E/{print p+1; exit}')
pdftoppm -png -r 80 -f "$page" -l "$page" -singlefile "$tour" "$here/docs/report-tour-map"
echo "docs/report-vehicle-zh.png, docs/report-vehicle-repaired-zh.png, docs/report-tour-summary.png and"
echo "docs/report-tour-map.png (page $page of the tour summary)"
