//! What the page says, computed from the model's results: pure functions
//! from summaries, scenarios and bands to the texts the components show.
//! Nothing here touches the browser or a signal, so every text is tested
//! natively (`cargo test -p doorstroom --lib`) with the plain notation.
//!
//! - [`changes`]: a figure's change against the baseline, its arrow, size
//!   and word;
//! - [`figures`]: the headline figures' texts, on the cards and in the
//!   comparison, and what the uncertainty bands say of them;
//! - [`notation`]: how numbers, money and dates are written;
//! - [`words`]: a scenario in words, on screen and in what is exported.

pub mod changes;
pub mod figures;
pub mod notation;
pub mod words;

pub use notation::Notation;
