//! The security headers a static host sends with the page, read from the
//! `_headers` file that `cargo xtask dist` writes into `dist/` (the format
//! Netlify and Cloudflare Pages read), so that the end-to-end tests run
//! under exactly the headers the build ships.

use std::fs;
use std::path::Path;

use http::header::{HeaderName, HeaderValue};

use crate::Result;
use crate::server::Header;

/// The headers of the `/*` rule in the `_headers` file at `path`. Fails when
/// the file is missing, malformed, or has no Content-Security-Policy: the
/// tests must not quietly run without it.
pub fn read_headers_file(path: &Path) -> Result<Vec<Header>> {
    let text = fs::read_to_string(path).map_err(|error| {
        format!(
            "{}: {error}; build dist/ with `cargo xtask dist`",
            path.display()
        )
    })?;
    let headers = parse(&text)?;
    if !headers
        .iter()
        .any(|(name, _)| name == "content-security-policy")
    {
        return Err(format!("{} has no Content-Security-Policy", path.display()).into());
    }
    Ok(headers)
}

/// The headers under the `/*` rule: a line with the path, then one indented
/// `Name: value` line per header. Other rules are not used by the build and
/// are refused rather than misread.
fn parse(text: &str) -> Result<Vec<Header>> {
    let mut headers = Vec::new();
    let mut in_rule = false;
    for line in text.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            if line.trim() != "/*" {
                return Err(format!("_headers: only the `/*` rule is read, not {line:?}").into());
            }
            in_rule = true;
            continue;
        }
        if !in_rule {
            return Err(format!("_headers: a header before any rule: {line:?}").into());
        }
        let (name, value) = line
            .trim()
            .split_once(':')
            .ok_or_else(|| format!("_headers: not `Name: value`: {line:?}"))?;
        headers.push((
            HeaderName::from_bytes(name.trim().as_bytes())?,
            HeaderValue::from_str(value.trim())?,
        ));
    }
    Ok(headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_rule_for_every_path() {
        let headers = parse(
            "/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n\
             \x20 X-Content-Type-Options: nosniff\n",
        )
        .unwrap();
        assert_eq!(headers.len(), 2);
        assert_eq!(headers[0].0, "content-security-policy");
        assert_eq!(headers[0].1, "default-src 'self'; frame-ancestors 'none'");
        assert_eq!(headers[1].1, "nosniff");
    }

    #[test]
    fn refuses_what_it_would_misread() {
        assert!(parse("/app/*\n  X-Frame-Options: DENY\n").is_err());
        assert!(parse("  X-Frame-Options: DENY\n").is_err());
        assert!(parse("/*\n  no colon here\n").is_err());
    }
}
