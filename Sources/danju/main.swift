print("danju")
