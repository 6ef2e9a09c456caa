"""The brief format, the data layer and the commands: no Streamlit here."""
