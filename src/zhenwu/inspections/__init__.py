"""督查整改: inspections, findings with photos, and rectification through to closure (销号)."""
