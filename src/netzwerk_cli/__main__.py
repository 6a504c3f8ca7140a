from netzwerk_cli.start import main

main()
