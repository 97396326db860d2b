extension Messages {
    /// What the hub's pages say to the dispatcher: sign-in, the board, the lines, the map, the emergency view, sync.
    static let hub: [(String, Entry)] = [
        ("hub.nav.main", Entry("主导航", "Main")),
        ("hub.nav.board", Entry("看板", "Board")),
        ("hub.nav.lines", Entry("线路进度", "Lines")),
        ("hub.nav.map", Entry("地图", "Map")),
        ("hub.nav.emergency", Entry("应急调度", "Emergency")),
        ("hub.nav.sync", Entry("同步状态", "Sync")),
        ("hub.nav.language", Entry("语言", "Language")),
        ("hub.signIn.title", Entry("登录调度中心", "Sign in to the hub")),
        ("hub.signIn.name", Entry("用户名", "Name")),
        ("hub.signIn.password", Entry("密码", "Password")),
        ("hub.signIn.submit", Entry("登录", "Sign in")),
        ("hub.signIn.failed", Entry("用户名或密码不正确。", "The name or the password is not right.")),
        (
            "hub.signIn.throttled",
            Entry("登录失败次数过多，请于 {1} 分钟后再试。", "Too many failed sign-ins: try again in {1} minutes.")
        ),
        ("hub.signIn.expired", Entry("表单已过期，请重新登录。", "The form has expired: sign in again.")),
        ("hub.signOut", Entry("退出", "Sign out")),
        ("hub.signedInAs", Entry("已登录：{1}（{2}）", "{1} ({2})")),
        ("hub.role.dispatcher", Entry("调度员", "dispatcher")),
        ("hub.role.client", Entry("用户单位", "client")),
        (
            "hub.clientPagesLater",
            Entry("这些是调度员页面；用户单位的页面尚未开放。", "These are the dispatcher's pages; client pages are not open yet.")
        ),
        ("hub.board.title", Entry("出动准备看板", "Readiness board")),
        ("hub.board.count", Entry("共 {1} 辆车；数据来自 {2} 个已接收的数据包。", "{1} vehicles, from {2} bundles taken.")),
        ("hub.board.verdict", Entry("结论", "Verdict")),
        ("hub.board.vehicle", Entry("车辆", "Vehicle")),
        ("hub.board.client", Entry("用户", "Client")),
        ("hub.board.line", Entry("线路", "Line")),
        ("hub.board.failed", Entry("不合格项", "Failed items")),
        ("hub.board.inspected", Entry("最近检查", "Last answer")),
        (
            "hub.board.noCatalog",
            Entry("办公室尚未推送 Routes/ 和 Checklists/。", "The office has not pushed Routes/ and Checklists/ yet.")
        ),
        ("hub.lines.title", Entry("各线路进度", "Progress of each line")),
        ("hub.lines.plan", Entry("已发布计划第 {1} 版", "Published plan, version {1}")),
        ("hub.lines.noPlan", Entry("尚未发布计划。", "No plan is published yet.")),
        ("hub.lines.day", Entry("日期", "Day")),
        ("hub.lines.plannedVehicles", Entry("计划车辆", "Vehicles planned")),
        ("hub.lines.doneVehicles", Entry("已检", "Vehicles done")),
        ("hub.lines.plannedKm", Entry("计划公里", "km planned")),
        ("hub.lines.doneKm", Entry("已行公里", "km done")),
        ("hub.lines.total", Entry("合计", "Total")),
        ("hub.lines.summary", Entry("{1} / {2} 辆车，{3} / {4} 公里", "{1} of {2} vehicles, {3} of {4} km")),
        ("hub.map.title", Entry("车辆分布（按结论）", "Vehicles by verdict")),
        (
            "hub.map.description",
            Entry(
                "按 Routes/ 中站点经纬度绘制的等距圆柱投影图，每个圆点为一辆车。",
                "Equirectangular map of the sites' latitude and longitude in Routes/; each dot is a vehicle.")
        ),
        ("hub.map.legend", Entry("图例", "Legend")),
        ("hub.map.list", Entry("地图上的车辆", "The vehicles on the map")),
        ("hub.map.site", Entry("站点", "Site")),
        ("hub.emergency.title", Entry("应急调度：附近可出动车辆", "Emergency: deployable vehicles nearby")),
        (
            "hub.emergency.intro",
            Entry(
                "输入纬度、经度和半径，或点击地图选择地点。",
                "Type a latitude, a longitude and a radius, or click the map to choose the point.")
        ),
        ("hub.emergency.lat", Entry("纬度（°N）", "Latitude (°N)")),
        ("hub.emergency.lon", Entry("经度（°E）", "Longitude (°E)")),
        ("hub.emergency.radius", Entry("半径（公里）", "Radius (km)")),
        ("hub.emergency.search", Entry("查找", "Find")),
        ("hub.emergency.found", Entry("{3} 公里内有 {1} 辆可出动车辆（{2}）。", "{1} deployable vehicles within {3} km of {2}.")),
        ("hub.emergency.none", Entry("{2} 公里内没有可出动车辆（{1}）。", "No deployable vehicle within {2} km of {1}.")),
        ("hub.emergency.distance", Entry("距离（公里）", "Distance (km)")),
        ("hub.emergency.contact", Entry("联系人", "Contact")),
        (
            "hub.emergency.bad",
            Entry(
                "纬度须在 -90 到 90 之间，经度在 -180 到 180 之间，半径在 1 到 5000 公里之间。",
                "Latitude must be -90 to 90, longitude -180 to 180 and the radius 1 to 5000 km.")
        ),
        ("hub.emergency.mapLabel", Entry("点击地图选择地点", "Click the map to choose the point")),
        ("hub.sync.title", Entry("同步状态", "Sync health")),
        ("hub.sync.laptop", Entry("笔记本", "Laptop")),
        ("hub.sync.lastPush", Entry("最近推送", "Last push")),
        ("hub.sync.lastPull", Entry("最近拉取", "Last pull")),
        ("hub.sync.bundles", Entry("已接收数据包", "Bundles taken")),
        ("hub.sync.never", Entry("从未", "never")),
        ("hub.sync.refused", Entry("被拒绝的数据包", "Refused bundles")),
        ("hub.sync.noRefusals", Entry("没有被拒绝的数据包。", "No bundle was refused.")),
        ("hub.sync.at", Entry("时间", "When")),
        ("hub.sync.reason", Entry("原因", "Reason")),
        ("hub.sync.role.office", Entry("办公室", "office")),
        ("hub.sync.role.laptop", Entry("笔记本", "laptop")),
        ("hub.sync.noLaptops", Entry("尚无已登记的密钥。", "No key is enrolled yet.")),
        ("hub.error.title", Entry("出错了", "Something went wrong")),
        ("hub.error.notFound", Entry("没有这个页面。", "There is no such page.")),
        ("hub.times", Entry("时间为各线路当地时间（北京时间）。", "Times are each line's local time (China Standard Time).")),
    ]
}
