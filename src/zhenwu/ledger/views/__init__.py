"""The ledger's pages, one module per part of the work; each view fetches, calls one function, renders."""
