//! `index.html` as a template: the page's own files under names that carry
//! a hash of their contents (so that a host may cache them for ever and a
//! new release is fetched anew), each with its subresource-integrity hash,
//! and the one inline module script that starts the app.
//!
//! The template (the repository's `index.html`) links its style sheets by
//! their place in the repository (`<link rel="stylesheet"
//! href="style/main.css">`), so that it reads as what it is. The build
//! gives each a hashed name (`main-0123456789abcdef.css`); before `</head>`
//! it puts the preload links of the app's JS glue and wasm, with their
//! integrity hashes, and the loader. `lockdown.rs` then makes the loader
//! fetch the wasm with its hash and writes the policy that allows it.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256, Sha384};

use crate::{Error, Result};

/// The event the loader sends once the app has started, with the wasm's
/// exports (`detail.wasm`, its memory among them); the end-to-end tests
/// listen for it.
pub const STARTED_EVENT: &str = "doorstroom-started";

/// A file of the page: its hashed name in `dist/` and its integrity hash.
#[derive(Debug, Clone, PartialEq)]
pub struct Asset {
    pub name: String,
    pub integrity: String,
}

impl Asset {
    /// `stem-<hash>.extension`, for `bytes`.
    pub fn of(stem: &str, extension: &str, bytes: &[u8]) -> Asset {
        Asset {
            name: format!("{stem}-{}.{extension}", content_hash(bytes)),
            integrity: integrity(bytes),
        }
    }
}

/// Sixteen hex digits of the SHA-256 of `bytes`: enough that two releases
/// never share a name.
pub fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The subresource-integrity value of `bytes` (`sha384-…`).
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", BASE64.encode(Sha384::digest(bytes)))
}

/// The app's JS glue and wasm, as the page loads them.
pub struct App {
    pub glue: Asset,
    pub wasm: Asset,
}

/// The page from the template: each style sheet's link replaced by the one
/// `style` gives for its path in the repository, and the app's preload
/// links and loader before `</head>`.
pub fn render(
    template: &str,
    app: &App,
    mut style: impl FnMut(&str) -> Result<Asset>,
) -> Result<String> {
    let mut out = String::with_capacity(template.len() + 1024);
    let mut rest = template;
    while let Some(start) = rest.find("<link ") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('>')
            .map(|end| start + end + 1)
            .ok_or_else(|| Error::new("index.html: an unclosed <link"))?;
        let tag = &rest[start..end];
        match (attribute(tag, "rel"), attribute(tag, "href")) {
            (Some("stylesheet"), Some(href)) => {
                let asset = style(href)?;
                out.push_str(&format!(
                    "<link rel=\"stylesheet\" href=\"./{}\" integrity=\"{}\" crossorigin=\"anonymous\">",
                    asset.name, asset.integrity
                ));
            }
            _ => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    if out.contains("<script") {
        return Err(Error::new(
            "index.html has a script of its own; the build writes the page's one script",
        ));
    }
    let mut heads = out.match_indices("</head>").map(|(at, _)| at);
    let (Some(head_end), None) = (heads.next(), heads.next()) else {
        return Err(Error::new(
            "index.html must have one </head> (and none in a comment), where the loader goes",
        ));
    };
    out.insert_str(head_end, &loader(app));
    Ok(out)
}

/// The preload links (which carry the integrity hashes) and the inline
/// module script that starts the app.
fn loader(app: &App) -> String {
    let App { glue, wasm } = app;
    format!(
        "  <link rel=\"modulepreload\" href=\"./{glue_name}\" crossorigin=\"anonymous\" integrity=\"{glue_hash}\">\n    \
         <link rel=\"preload\" href=\"./{wasm_name}\" crossorigin=\"anonymous\" integrity=\"{wasm_hash}\" as=\"fetch\" type=\"application/wasm\">\n    \
         <script type=\"module\">\n\
         import init from './{glue_name}';\n\
         const wasm = await init({{ module_or_path: './{wasm_name}' }});\n\
         dispatchEvent(new CustomEvent(\"{STARTED_EVENT}\", {{ detail: {{ wasm }} }}));\n\
         </script>\n  ",
        glue_name = glue.name,
        glue_hash = glue.integrity,
        wasm_name = wasm.name,
        wasm_hash = wasm.integrity,
    )
}

/// The bands' Web Worker (`src/bands_worker.rs`): the page's own module,
/// instantiated from the compiled module that the page posts as its first
/// message (nothing is fetched or compiled again); the app's `main` sees
/// that it runs in a worker and listens for jobs. `init` names the glue's
/// init function where this text stands.
pub fn worker_start(init: &str) -> String {
    format!(
        "addEventListener('message', (event) => {init}({{ module_or_path: event.data }}), {{ once: true }});\n"
    )
}

/// The worker's file beside the page: the glue imported, then started.
pub fn worker_file(glue: &Asset) -> String {
    format!(
        "// The bands' Web Worker, written by `cargo xtask dist`.\n\
         import init from './{}';\n{}",
        glue.name,
        worker_start("init")
    )
}

/// The value of `name="…"` in a tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = r#"<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8">
    <link rel="icon" href="public/favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="style/main.css">
    <link rel="stylesheet" href="style/print.css">
  </head>
  <body></body>
</html>"#;

    fn app() -> App {
        App {
            glue: Asset::of("doorstroom", "js", b"glue"),
            wasm: Asset {
                name: "doorstroom-00_bg.wasm".to_owned(),
                integrity: "sha384-w".to_owned(),
            },
        }
    }

    #[test]
    fn names_follow_the_contents() {
        let a = Asset::of("main", "css", b"p {}");
        assert!(a.name.starts_with("main-") && a.name.ends_with(".css"));
        assert_eq!(a.name.len(), "main-".len() + 16 + ".css".len());
        assert_eq!(a, Asset::of("main", "css", b"p {}"));
        assert_ne!(a.name, Asset::of("main", "css", b"p { }").name);
    }

    #[test]
    fn the_known_integrity_of_nothing() {
        // SHA-384 of the empty string, as `openssl dgst -sha384 -binary | base64` gives it.
        assert_eq!(
            integrity(b""),
            "sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb"
        );
    }

    #[test]
    fn style_sheets_get_their_hashed_names_and_the_app_its_loader() {
        let mut asked = Vec::new();
        let page = render(TEMPLATE, &app(), |href| {
            asked.push(href.to_owned());
            Ok(Asset {
                name: href.replace("style/", "").replace(".css", "-1.css"),
                integrity: "sha384-c".to_owned(),
            })
        })
        .unwrap();
        assert_eq!(asked, ["style/main.css", "style/print.css"]);
        assert!(page.contains(
            "<link rel=\"stylesheet\" href=\"./main-1.css\" integrity=\"sha384-c\" crossorigin=\"anonymous\">"
        ));
        assert!(!page.contains("style/"), "{page}");
        assert!(page.contains("<link rel=\"icon\" href=\"public/favicon.svg\""));
        let glue = &app().glue.name;
        assert!(page.contains(&format!(
            "<link rel=\"modulepreload\" href=\"./{glue}\" crossorigin=\"anonymous\" integrity=\"{}\">",
            app().glue.integrity
        )));
        assert!(page.contains("<link rel=\"preload\" href=\"./doorstroom-00_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-w\" as=\"fetch\""));
        assert!(page.contains(&format!("import init from './{glue}';")));
        assert!(page.contains("init({ module_or_path: './doorstroom-00_bg.wasm' })"));
        assert!(page.find("<script").unwrap() < page.find("</head>").unwrap());
    }

    #[test]
    fn a_second_head_end_is_refused() {
        let template = TEMPLATE.replace("<head>", "<head><!-- loader before </head> -->");
        assert!(render(&template, &app(), |_| Ok(app().glue)).is_err());
    }

    #[test]
    fn a_template_with_a_script_is_refused() {
        let template = TEMPLATE.replace("<body>", "<body><script>1</script>");
        assert!(render(&template, &app(), |_| Ok(app().glue)).is_err());
    }

    #[test]
    fn the_worker_imports_the_glue_and_starts_on_the_first_message() {
        let file = worker_file(&app().glue);
        assert!(file.contains(&format!("import init from './{}';", app().glue.name)));
        assert!(file.contains("addEventListener('message', (event) => init({ module_or_path: event.data }), { once: true });"));
    }
}
