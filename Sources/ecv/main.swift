import ECVCLI
ECVCommand.run()
