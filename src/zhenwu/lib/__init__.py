"""Small helpers with no Django import, shared by the apps and the command line."""
