"""How an eval shows its progress and results on the terminal."""
