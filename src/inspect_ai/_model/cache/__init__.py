"""Model calls cached on disk: keys, entries, their location, expiry and upkeep."""
