//! The security headers a static host sends with the page, read from the
//! `_headers` file that `cargo xtask dist` writes into `dist/` (the format
//! Netlify and Cloudflare Pages read), so that the end-to-end tests run
//! under exactly the headers the build ships.
//!
//! The file has rules: a path (`/*` for every file, or one file's path),
//! then its headers. A response gets the headers of every rule its path
//! matches, a later rule's value of a header replacing an earlier one's, as
//! Netlify serves them (Cloudflare Pages sends both values; the build's file
//! is written to mean the same under either reading, `xtask/src/lockdown.rs`).

use std::fs;
use std::path::Path;

use http::header::{HeaderName, HeaderValue};

use crate::Result;
use crate::server::Header;

/// The rules of a `_headers` file, in its order: a path and its headers.
#[derive(Clone, Debug, Default)]
pub struct HeaderRules(Vec<(String, Vec<Header>)>);

impl HeaderRules {
    /// The headers a response for `path` (without its query) carries.
    pub fn for_path(&self, path: &str) -> Vec<Header> {
        let mut out: Vec<Header> = Vec::new();
        for (rule, headers) in &self.0 {
            if !matches(rule, path) {
                continue;
            }
            for (name, value) in headers {
                out.retain(|(n, _)| n != name);
                out.push((name.clone(), value.clone()));
            }
        }
        out
    }
}

/// Headers for every path: one `/*` rule.
impl From<Vec<Header>> for HeaderRules {
    fn from(headers: Vec<Header>) -> Self {
        HeaderRules(vec![("/*".to_owned(), headers)])
    }
}

/// Whether `rule` (`/*`, a path ending in `/*`, or an exact path) matches `path`.
fn matches(rule: &str, path: &str) -> bool {
    match rule.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => rule == path,
    }
}

/// The rules of the `_headers` file at `path`. Fails when the file is
/// missing or malformed, or when its `/*` rule has no
/// Content-Security-Policy: the tests must not quietly run without it.
pub fn read_headers_file(path: &Path) -> Result<HeaderRules> {
    let text = fs::read_to_string(path).map_err(|error| {
        format!(
            "{}: {error}; build dist/ with `cargo xtask dist`",
            path.display()
        )
    })?;
    let rules = parse(&text)?;
    let every = rules.for_path("/every-file");
    if !every
        .iter()
        .any(|(name, _)| name == "content-security-policy")
    {
        return Err(format!(
            "{} has no Content-Security-Policy for every file",
            path.display()
        )
        .into());
    }
    Ok(rules)
}

/// The rules: a line with the path, then one indented `Name: value` line
/// per header. A path with a `*` other than at its end, or a header line
/// the hosts read otherwise (`! Name`, which detaches a header on
/// Cloudflare only), is refused rather than misread.
fn parse(text: &str) -> Result<HeaderRules> {
    let mut rules: Vec<(String, Vec<Header>)> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            let path = line.trim();
            if !path.starts_with('/') || path.trim_end_matches('*').contains('*') {
                return Err(format!("_headers: a path this reader cannot match: {line:?}").into());
            }
            rules.push((path.to_owned(), Vec::new()));
            continue;
        }
        let Some((_, headers)) = rules.last_mut() else {
            return Err(format!("_headers: a header before any rule: {line:?}").into());
        };
        let (name, value) = line
            .trim()
            .split_once(':')
            .filter(|(name, _)| !name.trim_start().starts_with('!'))
            .ok_or_else(|| format!("_headers: not `Name: value`: {line:?}"))?;
        headers.push((
            HeaderName::from_bytes(name.trim().as_bytes())?,
            HeaderValue::from_str(value.trim())?,
        ));
    }
    Ok(HeaderRules(rules))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_rule_for_every_path() {
        let rules = parse(
            "/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n\
             \x20 X-Content-Type-Options: nosniff\n",
        )
        .unwrap();
        let headers = rules.for_path("/index.html");
        assert_eq!(headers.len(), 2);
        assert_eq!(headers[0].0, "content-security-policy");
        assert_eq!(headers[0].1, "default-src 'self'; frame-ancestors 'none'");
        assert_eq!(headers[1].1, "nosniff");
    }

    #[test]
    fn a_later_rule_for_a_page_replaces_a_header_for_that_page_only() {
        let rules = parse(
            "/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n\
             /\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n\
             /index.html\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n",
        )
        .unwrap();
        let policy = |path: &str| {
            rules
                .for_path(path)
                .into_iter()
                .find(|(n, _)| n == "content-security-policy")
                .map(|(_, v)| v.to_str().unwrap().to_owned())
                .unwrap()
        };
        assert_eq!(policy("/"), "default-src 'self'; frame-ancestors 'none'");
        assert_eq!(
            policy("/index.html"),
            "default-src 'self'; frame-ancestors 'none'"
        );
        assert_eq!(policy("/embed.html"), "default-src 'self'");
        assert_eq!(policy("/doorstroom-1.js"), "default-src 'self'");
        assert_eq!(rules.for_path("/").len(), 2, "one value of each header");
    }

    #[test]
    fn refuses_what_it_would_misread() {
        assert!(parse("/app/*.html\n  X-Frame-Options: DENY\n").is_err());
        assert!(parse("  X-Frame-Options: DENY\n").is_err());
        assert!(parse("/*\n  no colon here\n").is_err());
        assert!(parse("/embed.html\n  ! Content-Security-Policy\n").is_err());
    }
}
