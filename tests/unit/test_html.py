"""The static HTML table: every value escaped, one row per record, no Markdown read into plain text."""

from __future__ import annotations

import pandas as pd

from components.html import Markup, html_table


def test_values_and_headers_are_escaped_and_markdown_stays_plain():
    frame = pd.DataFrame(
        {"Event <b>": ["<script>alert(1)</script>", "**not bold** & [link](javascript:x)"], "Not after": ["2026-01-29", ""]}
    )
    table = html_table(frame, 'Caption "quoted"', nowrap=("Not after",))
    assert isinstance(table, Markup)
    assert "<script>" not in table and "&lt;script&gt;alert(1)&lt;/script&gt;" in table
    assert "Event &lt;b&gt;" in table and "Caption &#34;quoted&#34;" in table
    assert "**not bold** &amp; [link](javascript:x)" in table  # shown as written, never rendered
    assert table.count("<tr>") == 3
    assert table.count('<td class="nowrap">') == 2  # the date column, in each row
    assert "white-space: nowrap" in table and 'style="padding' not in table  # the cells' look from one style sheet


def test_an_empty_frame_is_a_header_only():
    table = html_table(pd.DataFrame({"Event": []}), "Nothing")
    assert table.count("<tr>") == 1 and "<td" not in table


def test_a_stacked_table_names_each_value_for_a_narrow_screen():
    frame = pd.DataFrame({"Event": ["Talks <in> Geneva"], "Not before": ["29 January 2026"], 'Not "after"': [""]})
    table = html_table(frame, "Undated", stacked=True)
    assert "@container (max-width:36rem)" in table and 'class="plain-table stack-table"' in table
    assert 'data-label="Not before"' in table and 'data-label="Not &#34;after&#34;"' in table  # escaped as an attribute
    assert "Talks &lt;in&gt; Geneva" in table
    plain = html_table(frame, "Undated")
    assert "@container" not in plain and "data-label" not in plain  # a table that is not stacked is never stacked
