"""Running rules on a document: plugins, configuration, selection, suppressions, fixes."""
