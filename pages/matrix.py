"""Position matrix: parties × issues."""

import streamlit as st

from components.downloads import download_buttons
from components.history import cell_history
from components.matrix import (
    cells_with_positions,
    matrix_axes,
    matrix_grid,
    matrix_legend,
    position_details,
    view_matrix_table,
)
from components.shell import page_footer, page_shell

context = page_shell("matrix")
parties, issues = matrix_axes(context.scope)
positions = context.view.positions

if positions.empty:
    st.info("No position matches the current filter. Clear or widen the filter in the sidebar.", icon=":material/filter_alt_off:")
else:
    cell_labels = {f"{party}:{issue}": f"{name} · {label}" for party, name in parties for issue, label in issues}
    with_positions = cells_with_positions(context.scope)
    options = with_positions + [c for c in cell_labels if c not in set(with_positions)]
    selected = context.params.get("cell")
    if selected not in options:
        selected = options[0]
    st.query_params["cell"] = selected

    table = view_matrix_table(context.scope)
    matrix_grid(table, selected)
    st.markdown(matrix_legend())  # under the grid, so on a phone or a projector the grid comes first

    st.session_state["matrix_cell"] = selected

    def _cell_changed() -> None:
        st.query_params["cell"] = st.session_state["matrix_cell"]

    chosen = st.selectbox(
        "Inspect a cell (or select one in the matrix)",
        options,
        key="matrix_cell",
        format_func=lambda c: cell_labels.get(c, c),
        on_change=_cell_changed,
    )
    party, _, issue = chosen.partition(":")
    position_details(context, party, issue)
    cell_history(context, party, issue)

download_buttons(context, "positions")
page_footer(context)
