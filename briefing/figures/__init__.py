"""The views' figures, built without Streamlit: the timeline and the regional map as Plotly figures, the negotiation
space's range strip as escaped HTML. The components draw them; the pack's pictures are made from the same builders."""
