"""Benchmarks: the dashboard against a minimal Streamlit page, and the data layer on synthetic corpora."""
