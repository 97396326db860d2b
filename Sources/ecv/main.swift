import ECVCLI

ECVCommand.run()
