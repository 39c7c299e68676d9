"""The bundled sample corpus: five Chinese tech-news articles that `newskit run` analyzes when given no input."""
