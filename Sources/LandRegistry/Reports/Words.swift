/// A report's word (a title, a label, a caption) in `language`: its entry
/// in the catalogue in Chinese, the English it is written in otherwise.
func reportWord(_ phrase: Phrase, _ language: ReportLanguage) -> String { phrase.text(language) }
