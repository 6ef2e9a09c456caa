"""Pagination for long lists, so a view draws the same amount for one brief or a thousand."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TypeVar

import pandas as pd
import streamlit as st

Rows = TypeVar("Rows", pd.DataFrame, Sequence)


def page_range(total: int, key: str, page_size: int = 10, noun: str = "items") -> slice:
    """The positions of the chosen page among ``total`` items; draws a page picker only when there is more than one."""
    if total <= page_size:
        return slice(0, total)
    pages = math.ceil(total / page_size)
    if st.session_state.get(key, 1) > pages:
        st.session_state[key] = 1
    number = st.number_input(f"Page of {pages} ({total:,} {noun})", min_value=1, max_value=pages, step=1, key=key)
    start = (int(number) - 1) * page_size
    st.caption(f"Showing {start + 1:,}–{min(start + page_size, total):,} of {total:,} {noun}.")
    return slice(start, min(start + page_size, total))


def page_of(frame: Rows, key: str, page_size: int = 10, noun: str = "items") -> Rows:
    """The rows (of a frame or a list) on the chosen page; draws a page picker only when there is more than one."""
    shown = page_range(len(frame), key, page_size, noun)
    if shown == slice(0, len(frame)):
        return frame
    return frame.iloc[shown] if isinstance(frame, pd.DataFrame) else frame[shown]
