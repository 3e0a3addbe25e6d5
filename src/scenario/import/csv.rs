//! CSV as bureaus and Excel save it: UTF-8 with or without a byte-order mark, GBK/GB18030 (what
//! Excel and WPS write on a Chinese system), UTF-16 with a mark (Excel's "Unicode text");
//! comma- or tab-separated; blank lines and ragged rows (a title row above the header).

use std::io::Cursor;

use super::RawRow;

/// The file's text and the encoding it was read in.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// UTF-8 (a mark is dropped) when the bytes are valid UTF-8, UTF-16 when they start with its
/// mark, else GB18030 (a superset of GBK and GB2312).
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        if let Ok(s) = std::str::from_utf8(rest) {
            return Decoded { text: s.to_string(), encoding: "UTF-8 (BOM)" };
        }
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (text, _) = enc.decode_with_bom_removal(bytes);
        return Decoded { text: text.into_owned(), encoding: enc.name() };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded { text: s.to_string(), encoding: "UTF-8" };
    }
    let (text, _, _) = encoding_rs::GB18030.decode(bytes);
    Decoded { text: text.into_owned(), encoding: "GB18030" }
}

/// Comma or tab: the one found on more of the first non-blank lines (outside quotes), then the
/// more frequent; comma when neither appears.
pub fn detect_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(40).collect();
    let score = |d: char| {
        let mut on_lines = 0usize;
        let mut total = 0usize;
        for l in &lines {
            let mut quoted = false;
            let mut n = 0;
            for c in l.chars() {
                if c == '"' {
                    quoted = !quoted;
                } else if c == d && !quoted {
                    n += 1;
                }
            }
            on_lines += usize::from(n > 0);
            total += n;
        }
        (on_lines, total)
    };
    if score('\t') > score(',') {
        b'\t'
    } else {
        b','
    }
}

/// The rows of a CSV file, read on demand.
pub struct CsvRows {
    reader: ::csv::Reader<Cursor<Vec<u8>>>,
    record: ::csv::StringRecord,
    total: usize,
    /// A byte offset and the 1-based line it is on, advanced record by record.
    line_at: (usize, usize),
    pub encoding: &'static str,
    pub delimiter: u8,
}

impl CsvRows {
    pub fn new(bytes: &[u8]) -> CsvRows {
        let Decoded { text, encoding } = decode(bytes);
        let delimiter = detect_delimiter(&text);
        let total = text.len().max(1);
        let reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(Cursor::new(text.into_bytes()));
        CsvRows { reader, record: ::csv::StringRecord::new(), total, line_at: (0, 1), encoding, delimiter }
    }

    /// The next row (its line number is the one the row starts on), or the reason it cannot be read.
    pub fn next_row(&mut self) -> Option<Result<RawRow, String>> {
        match self.reader.read_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => {
                let start = self.record.position().map(|p| p.byte() as usize).unwrap_or(0);
                let row = self.line_of(start);
                Some(Ok(RawRow { row, cells: self.record.iter().map(str::to_string).collect(), point: None }))
            }
            Err(e) => Some(Err(e.to_string())),
        }
    }

    /// The line a record starting at byte `start` is on. The reader's own line count runs behind
    /// over blank lines, so lines are counted here; a record's start may be the end of the
    /// blank lines before it, which are skipped.
    fn line_of(&mut self, start: usize) -> usize {
        let text = self.reader.get_ref().get_ref();
        let mut start = start.min(text.len());
        while start < text.len() && (text[start] == b'\n' || text[start] == b'\r') {
            start += 1;
        }
        let (at, line) = self.line_at;
        if start >= at {
            let newlines = text[at..start].iter().filter(|&&b| b == b'\n').count();
            self.line_at = (start, line + newlines);
        }
        self.line_at.1
    }

    /// How much of the file has been read, 0..=1.
    pub fn fraction(&self) -> f64 {
        (self.reader.position().byte() as f64 / self.total as f64).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        let gbk = encoding_rs::GBK.encode("名称,经度\n药店,118.3\n").0.into_owned();
        let d = decode(&gbk);
        assert_eq!((d.encoding, d.text.as_str()), ("GB18030", "名称,经度\n药店,118.3\n"));
        let d = decode("\u{FEFF}名称".as_bytes());
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-8 (BOM)", "名称"));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "名称\t经度".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&utf16);
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-16LE", "名称\t经度"));
    }

    #[test]
    fn delimiters() {
        assert_eq!(detect_delimiter("a\tb\tc\n1\t2\t3\n"), b'\t');
        assert_eq!(detect_delimiter("a,b\n\"x\ty\",2\n"), b',');
        assert_eq!(detect_delimiter("title\n\na\tb\n1\t\"2,5\"\n"), b'\t');
    }
}
