"""``kzlearn serve``: the quiz in a browser, for a class, through textual-serve (the
``serve`` extra). The server runs :mod:`kzlearn.serve.session` once per browser."""
