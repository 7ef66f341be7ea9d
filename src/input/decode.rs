//! Decoding: turns a file's raw bytes into UTF-8 text plus a map back to file offsets.
//!
//! UTF-8 (with or without a byte-order mark) is used as it is. UTF-16 is recognised by its
//! byte-order mark, or by the pattern of NUL bytes that ASCII text leaves in it. Bytes that
//! are not valid UTF-8 are never silently replaced: text with NUL bytes is rejected as binary,
//! anything else is decoded as Windows-1252 and the caller gets a warning that names the
//! offset of the first invalid byte. Every later stage works on the decoded text; the
//! [`OffsetMap`] turns its byte offsets back into offsets in the file.

/// Where decoded-text byte offsets land in the original file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OffsetMap {
    /// The text is the file's bytes after a prefix (a byte-order mark) of this many bytes.
    Shift(usize),
    /// One file offset per byte of decoded text, plus one for the end.
    Table(Vec<u32>),
}

impl OffsetMap {
    /// The file offset of decoded-text offset `pos`.
    pub fn file_offset(&self, pos: usize) -> usize {
        match self {
            OffsetMap::Shift(n) => pos + n,
            OffsetMap::Table(t) => t[pos] as usize,
        }
    }
}

/// The text encodings corpus-scan reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, possibly after a byte-order mark.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-1252 (a superset of the printable part of Latin-1), used as a fallback.
    Windows1252,
}

impl Encoding {
    /// The name users see in warnings and reports.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// A file's text after decoding.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// The encoding that was used.
    pub encoding: Encoding,
    /// How text offsets map back to the file's bytes.
    pub offsets: OffsetMap,
    /// Set when a fallback was needed: what was wrong and what was done about it.
    pub warning: Option<String>,
}

/// Why bytes could not be decoded as text at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

/// Decodes a file's bytes; see the module documentation for the rules.
///
/// # Example
///
/// ```
/// use corpus_scan::input::{Encoding, decode};
///
/// // Latin-1 bytes are not UTF-8: they are read as Windows-1252, with a warning.
/// let d = decode(b"Caf\xe9 Tehran").unwrap();
/// assert_eq!(d.text, "Café Tehran");
/// assert_eq!(d.encoding, Encoding::Windows1252);
/// assert!(d.warning.is_some());
/// // Offsets in the text map back to the file's bytes: here past a 3-byte BOM.
/// let d = decode("\u{feff}Iran".as_bytes()).unwrap();
/// assert_eq!((d.text.as_str(), d.encoding), ("Iran", Encoding::Utf8));
/// assert_eq!(d.offsets.file_offset(0), 3);
/// // NUL bytes mean binary data, not text.
/// assert!(decode(b"\x00\x01\x02").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8_or_fallback(rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, 2, Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, 2, Encoding::Utf16Be);
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return utf16(bytes, 0, enc);
    }
    utf8_or_fallback(bytes, 0)
}

fn utf8_or_fallback(bytes: &[u8], shift: usize) -> Result<Decoded, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => Ok(Decoded {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
            offsets: OffsetMap::Shift(shift),
            warning: None,
        }),
        Ok(_) => Err(binary_error(bytes, shift)),
        Err(e) => {
            if memchr::memchr(0, bytes).is_some() {
                return Err(binary_error(bytes, shift));
            }
            let bad = e.valid_up_to() + shift;
            table_fits(bytes, shift, Encoding::Windows1252)?;
            let (text, offsets) = windows_1252(bytes, shift);
            Ok(Decoded {
                text,
                encoding: Encoding::Windows1252,
                offsets: OffsetMap::Table(offsets),
                warning: Some(format!(
                    "invalid UTF-8 at byte {bad} (0x{:02X}); decoded as Windows-1252, \
                     re-save the file as UTF-8 to silence this",
                    bytes[bad - shift]
                )),
            })
        }
    }
}

fn binary_error(bytes: &[u8], shift: usize) -> DecodeError {
    let at = memchr::memchr(0, bytes).unwrap_or(0) + shift;
    DecodeError(format!(
        "not a text file: NUL byte at offset {at} (binary data?); not analysed"
    ))
}

/// Recognises BOM-less UTF-16 by the NUL bytes that ASCII characters leave in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 >= pairs * 7 && even_nul * 10 <= pairs {
        Some(Encoding::Utf16Le)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 10 <= pairs {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// Offset tables hold `u32` file offsets: a file that needs one must stay under 4 GiB.
fn table_fits(bytes: &[u8], shift: usize, enc: Encoding) -> Result<(), DecodeError> {
    if bytes.len() + shift < u32::MAX as usize {
        Ok(())
    } else {
        Err(DecodeError(format!(
            "{} bytes is too large to decode as {} (the limit is 4 GiB unless the file is \
             UTF-8); not analysed, convert it to UTF-8",
            bytes.len() + shift,
            enc.name()
        )))
    }
}

fn utf16(bytes: &[u8], shift: usize, enc: Encoding) -> Result<Decoded, DecodeError> {
    table_fits(bytes, shift, enc)?;
    let units = bytes.chunks_exact(2).map(|c| match enc {
        Encoding::Utf16Be => u16::from_be_bytes([c[0], c[1]]),
        _ => u16::from_le_bytes([c[0], c[1]]),
    });
    let mut text = String::with_capacity(bytes.len());
    let mut table = Vec::with_capacity(bytes.len());
    let mut pos = shift;
    let mut warning = None;
    for r in char::decode_utf16(units) {
        let (c, width) = match r {
            Ok(c) => (c, c.len_utf16() * 2),
            Err(_) => {
                warning.get_or_insert_with(|| {
                    format!(
                        "unpaired UTF-16 surrogate at byte {pos}; replaced with U+FFFD, \
                         fix the file's encoding to silence this"
                    )
                });
                ('\u{FFFD}', 2)
            }
        };
        if c == '\0' {
            return Err(DecodeError(format!(
                "not a text file: NUL character at offset {pos} in {} text; not analysed",
                enc.name()
            )));
        }
        table.extend(std::iter::repeat_n(pos as u32, c.len_utf8()));
        text.push(c);
        pos += width;
    }
    if bytes.len() % 2 == 1 {
        warning.get_or_insert_with(|| {
            format!(
                "odd number of bytes in {} text; last byte ignored",
                enc.name()
            )
        });
    }
    table.push(pos as u32);
    Ok(Decoded {
        text,
        encoding: enc,
        offsets: OffsetMap::Table(table),
        warning,
    })
}

/// The characters of Windows-1252 bytes 0x80..=0x9F; the rest of the range maps to U+0080+.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn windows_1252(bytes: &[u8], shift: usize) -> (String, Vec<u32>) {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut table = Vec::with_capacity(bytes.len() + bytes.len() / 8);
    for (i, &b) in bytes.iter().enumerate() {
        let c = match b {
            0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
            _ => b as char,
        };
        table.extend(std::iter::repeat_n((i + shift) as u32, c.len_utf8()));
        text.push(c);
    }
    table.push((bytes.len() + shift) as u32);
    (text, table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_and_offsets_shift() {
        let d = decode(b"\xEF\xBB\xBFHi.").unwrap();
        assert_eq!(d.text, "Hi.");
        assert_eq!(d.offsets.file_offset(0), 3);
        assert!(d.warning.is_none());
    }

    #[test]
    fn latin1_pound_sign_falls_back_with_offset() {
        let d = decode(b"Costs \xA3100.").unwrap();
        assert_eq!(d.text, "Costs £100.");
        assert_eq!(d.encoding, Encoding::Windows1252);
        assert!(d.warning.unwrap().contains("byte 6"));
        // '£' is two bytes in UTF-8 but one in the file.
        assert_eq!(d.offsets.file_offset(8), 7);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let le: Vec<u8> = "Hé!".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(&le);
        let d = decode(&with_bom).unwrap();
        assert_eq!(d.text, "Hé!");
        assert_eq!(d.offsets.file_offset(1), 4);
        let be: Vec<u8> = "Hello there"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be).unwrap().text, "Hello there");
    }

    #[test]
    fn nul_bytes_are_binary() {
        let e = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert!(e.0.contains("NUL byte at offset 8"), "{e}");
    }
}
