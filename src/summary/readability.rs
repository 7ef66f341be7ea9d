//! Readability figures of body text: Flesch reading ease, Flesch-Kincaid grade and LIX.

/// Syllables in an English word, by vowel groups with a silent final "e". Reads the word
/// once, remembering only its last three letters.
pub fn syllables(word: &str) -> usize {
    if word.is_ascii() {
        let letters = word.bytes().filter(u8::is_ascii_alphabetic);
        vowel_groups(letters.map(|b| char::from(b.to_ascii_lowercase())))
    } else {
        let letters = word.chars().filter(|c| c.is_alphabetic());
        vowel_groups(letters.flat_map(char::to_lowercase))
    }
}

/// The syllable count of a word given as its lower-case letters.
fn vowel_groups(letters: impl Iterator<Item = char>) -> usize {
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let (mut n, mut groups, mut prev) = (0, 0usize, false);
    // The last three letters: last[0] is the final one.
    let mut last = [' '; 3];
    for c in letters {
        let v = vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
        last = [c, last[0], last[1]];
        n += 1;
    }
    if n == 0 {
        return 0;
    }
    // A silent final "e" (base), but not "-le" after a consonant (table).
    let silent_e = n > 2 && last[0] == 'e' && !vowel(last[1]);
    let syllabic_le = n > 2 && last[1] == 'l' && !vowel(last[2]);
    if silent_e && !syllabic_le {
        groups -= 1;
    }
    groups.max(1)
}

/// The three figures, rounded to two decimals; zeros for text without words.
pub fn figures(sentences: usize, words: &[&str]) -> (f64, f64, f64) {
    if sentences == 0 || words.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let w = words.len() as f64;
    let s = sentences as f64;
    let syl: usize = words.iter().map(|x| syllables(x)).sum();
    let long = words.iter().filter(|x| x.chars().count() > 6).count() as f64;
    let round = |x: f64| (x * 100.0).round() / 100.0;
    let ease = 206.835 - 1.015 * (w / s) - 84.6 * (syl as f64 / w);
    let grade = 0.39 * (w / s) + 11.8 * (syl as f64 / w) - 15.59;
    let lix = w / s + 100.0 * long / w;
    (round(ease), round(grade), round(lix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllable_counts() {
        assert_eq!(syllables("the"), 1);
        assert_eq!(syllables("strategic"), 3);
        assert_eq!(syllables("base"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("cooperation"), 4);
    }

    #[test]
    fn simple_text_reads_easily() {
        let (ease, grade, lix) = figures(2, &["The", "cat", "sat", "on", "the", "mat"]);
        assert!(ease > 100.0, "{ease}");
        assert!(grade < 1.0, "{grade}");
        assert_eq!(lix, 3.0);
    }
}
