"""Colour contrast as WCAG 2.1 defines it (success criterion 1.4.3)."""

from __future__ import annotations

import re

HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
WHITE = "#FFFFFF"
# WCAG 1.4.3, level AA, for normal text.
MIN_TEXT_CONTRAST = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def swedish_ratio(ratio: float) -> str:
    """4.47 → "4,47:1", rounded down so that a colour just below the limit never reads as 4,5."""
    return f"{int(ratio * 100) / 100:.2f}".replace(".", ",") + ":1"
