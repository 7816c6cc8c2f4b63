//! What the page asks of the browser beyond the DOM: drawing on canvases,
//! following an element's size, downloads and performance measures.

pub mod canvas;
pub mod download;
pub mod reruns;
pub mod resize;
pub mod timing;
