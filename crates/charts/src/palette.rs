//! Colours: the Okabe-Ito palette (readable with the common colour-vision
//! deficiencies), plus the greys of the frame. Series are also told apart by
//! lightness, stacking order, line versus area, and dashes for the baseline.

use plotters::style::RGBColor;

pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
pub const SKY_BLUE: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
pub const BLUISH_GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
pub const YELLOW: RGBColor = RGBColor(0xF0, 0xE4, 0x42);
pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
pub const REDDISH_PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);

/// Text and data lines that must stand out (near-black).
pub const INK: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
/// Tick labels and axis lines.
pub const AXIS: RGBColor = RGBColor(0x4D, 0x4D, 0x4D);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(0xDD, 0xDD, 0xDD);
/// The baseline's ghost line.
pub const GHOST: RGBColor = RGBColor(0x6E, 0x6E, 0x6E);
/// The published figures' markers: black, to stand out from every series.
pub const PUBLISHED: RGBColor = RGBColor(0x00, 0x00, 0x00);
/// The chart's background.
pub const PAPER: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);

/// Compared scenarios: colours no chart's own series uses (each compared
/// line also has its own dash and marker, so colour is never the only sign).
pub const COMPARE_PURPLE: RGBColor = RGBColor(0x6A, 0x3D, 0x9A);
pub const COMPARE_BROWN: RGBColor = RGBColor(0x8C, 0x51, 0x0A);
