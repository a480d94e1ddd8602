package vigil.rules.test.nometa

deny contains "x" if true
