//! Where things are in a JSON rule file: the 1-based line of every object
//! key and array element, by path. serde only reports lines for syntax
//! errors; an unknown setting, a bad pattern or a failed example is found
//! after parsing, and its message must still name the line.

use std::collections::HashMap;
use std::fmt;

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Key(k) => write!(f, ".{k}"),
            Step::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// A path written the way messages show it: `settings.guards.code.before`,
/// `rules[3].examples.match[0]`.
pub fn show_path(path: &[Step]) -> String {
    let s: String = path.iter().map(Step::to_string).collect();
    s.strip_prefix('.').map(str::to_string).unwrap_or(s)
}

impl From<&str> for Step {
    fn from(k: &str) -> Step {
        Step::Key(k.to_string())
    }
}

impl From<String> for Step {
    fn from(k: String) -> Step {
        Step::Key(k)
    }
}

impl From<usize> for Step {
    fn from(i: usize) -> Step {
        Step::Index(i)
    }
}

/// Lines of the keys and elements of one JSON text.
#[derive(Debug, Clone, Default)]
pub struct LineMap {
    lines: HashMap<Vec<Step>, usize>,
}

impl LineMap {
    /// Scan a JSON text. The text is expected to be valid JSON (serde has
    /// read it first); on anything unexpected the scan stops, and paths not
    /// reached fall back to their nearest known parent.
    pub fn new(raw: &str) -> LineMap {
        let mut scanner = Scanner {
            bytes: raw.as_bytes(),
            raw,
            pos: 0,
            line: 1,
            map: HashMap::new(),
        };
        let mut path = Vec::new();
        scanner.value(&mut path);
        LineMap { lines: scanner.map }
    }

    /// The line of `path`, or of its nearest parent that has one (1 for
    /// the whole document).
    pub fn line(&self, path: &[Step]) -> usize {
        (0..=path.len())
            .rev()
            .find_map(|n| self.lines.get(&path[..n]).copied())
            .unwrap_or(1)
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    raw: &'a str,
    pos: usize,
    line: usize,
    map: HashMap<Vec<Step>, usize>,
}

impl Scanner<'_> {
    fn skip_space(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => return,
            }
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Read one value; `false` when the text is not as expected.
    fn value(&mut self, path: &mut Vec<Step>) -> bool {
        self.skip_space();
        self.map.entry(path.clone()).or_insert(self.line);
        match self.peek() {
            Some(b'{') => self.object(path),
            Some(b'[') => self.array(path),
            Some(b'"') => self.string().is_some(),
            Some(_) => {
                // Numbers and literals: up to the next delimiter.
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']') || b.is_ascii_whitespace() {
                        break;
                    }
                    self.pos += 1;
                }
                true
            }
            None => false,
        }
    }

    fn object(&mut self, path: &mut Vec<Step>) -> bool {
        self.pos += 1;
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'}') => {
                    self.pos += 1;
                    return true;
                }
                Some(b',') => self.pos += 1,
                Some(b'"') => {
                    let line = self.line;
                    let Some(key) = self.string() else {
                        return false;
                    };
                    self.skip_space();
                    if self.peek() != Some(b':') {
                        return false;
                    }
                    self.pos += 1;
                    path.push(Step::Key(key));
                    self.map.insert(path.clone(), line);
                    let ok = self.value(path);
                    path.pop();
                    if !ok {
                        return false;
                    }
                }
                _ => return false,
            }
        }
    }

    fn array(&mut self, path: &mut Vec<Step>) -> bool {
        self.pos += 1;
        let mut index = 0;
        loop {
            self.skip_space();
            match self.peek() {
                Some(b']') => {
                    self.pos += 1;
                    return true;
                }
                Some(b',') => self.pos += 1,
                Some(_) => {
                    path.push(Step::Index(index));
                    let ok = self.value(path);
                    path.pop();
                    if !ok {
                        return false;
                    }
                    index += 1;
                }
                None => return false,
            }
        }
    }

    /// Read a string token and decode it (keys may hold escapes).
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.pos += 1;
        while let Some(b) = self.peek() {
            match b {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return serde_json::from_str(self.raw.get(start..self.pos)?).ok();
                }
                b'\n' => return None,
                _ => self.pos += 1,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `rules/1/id`: keys, and numbers as indices.
    fn path(p: &str) -> Vec<Step> {
        p.split('/')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().map_or(Step::from(s), Step::Index))
            .collect()
    }

    #[test]
    fn keys_and_elements_have_their_lines() {
        let raw = "{\n  \"settings\": {\n    \"blockers\": [\n      \"đường\",\n      \"phố\"\n    ],\n    \"a\\\"b\": 1\n  },\n  \"rules\": [{\"id\": \"x\"},\n    {\"id\": \"y\"}]\n}\n";
        let m = LineMap::new(raw);
        assert_eq!(m.line(&path("settings")), 2);
        assert_eq!(m.line(&path("settings/blockers")), 3);
        assert_eq!(m.line(&path("settings/blockers/1")), 5);
        assert_eq!(m.line(&path("settings/a\"b")), 7);
        assert_eq!(m.line(&path("rules/0/id")), 9);
        assert_eq!(m.line(&path("rules/1/id")), 10);
        // Unknown paths fall back to their parent.
        assert_eq!(m.line(&path("rules/1/nope/3")), 10);
        assert_eq!(m.line(&path("nothing")), 1);
        assert_eq!(show_path(&path("rules/1/id")), "rules[1].id");
    }

    #[test]
    fn broken_text_does_not_panic() {
        for raw in ["", "{", "{\"a\": [1, ", "[\"x", "{\"a\" 1}", "\"\\"] {
            let m = LineMap::new(raw);
            assert_eq!(m.line(&path("a")), 1);
        }
    }
}
