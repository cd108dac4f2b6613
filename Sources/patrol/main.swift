print("patrol")
