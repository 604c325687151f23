"""The article stage: a saved page cleaned into an Article (boilerplate, title, dateline, language)."""
