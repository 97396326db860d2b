import ECVCLI

await ECVCommand.run()
