extension Messages {
    /// Why an answer cannot be recorded, for every surface that takes answers: terminal, web form, files.
    static let answers: [(String, Entry)] = [
        ("answer.note-required", Entry("{1}：“{2}”需要填写备注说明原因", "{1}: `{2}` needs a note saying why")),
        ("answer.number-required", Entry("{1}：请输入测量值，单位 {2}", "{1}: enter the measured value in {2}")),
        ("answer.not-a-number", Entry("{1}：“{2}”不是有效的数字", "{1}: `{2}` is not a finite number")),
        (
            "answer.wrong-unit",
            Entry("{1}：“{2}”的单位不对，请以 {3} 为单位输入", "{1}: `{2}` is not in {3}; enter the value in {3}")
        ),
        ("answer.not-a-choice", Entry("{1}：“{2}”不是可选项；可选：{3}", "{1}: `{2}` is not one of {3}")),
        (
            "answer.text-required",
            Entry("{1}：请输入文字（序列号、版本号等）", "{1}: enter the text (serial number, version …)")
        ),
        ("answer.not-for-kind", Entry("{1}：“{2}”不能作为{3}项的答案", "{1}: `{2}` is not an answer for a {3} item")),
        (
            "answer.too-long-answer",
            Entry(
                "{1}：答案有 {2} 字节，超过上限 {3} 字节，无法同步到办公室；请缩短",
                "{1}: the answer has {2} bytes, more than the {3} a record may carry to the office; shorten it")
        ),
        (
            "answer.too-long-note",
            Entry(
                "{1}：备注有 {2} 字节，超过上限 {3} 字节，无法同步到办公室；请缩短",
                "{1}: the note has {2} bytes, more than the {3} a record may carry to the office; shorten it")
        ),
    ]
}
