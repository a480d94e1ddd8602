c = "auto-a"
d = "auto"
e = "auto"
