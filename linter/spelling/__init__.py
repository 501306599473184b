"""The spelling engine: Hunspell dictionaries, affixes, compounds, the speller."""
