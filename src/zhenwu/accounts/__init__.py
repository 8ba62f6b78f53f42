"""Accounts: sign-in throttling, password rules, changing one's own password, an admin's reset."""
