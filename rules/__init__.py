"""The bundled rules: one TOML file per rule, shipped inside the wheel as numcheck.rules."""
