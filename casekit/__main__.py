from casekit.cli import run

if __name__ == "__main__":
    run()
