"""What test modules share: builders of corpora and cases, readers of what the app produced, waits. No tests here."""
