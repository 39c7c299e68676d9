"""Subcommands beyond the core ``run``/``report``/``clean``/``plugins``; each module keeps heavy imports inside its functions."""
