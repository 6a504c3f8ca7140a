from netzwerk_cli.cli import main

main()
