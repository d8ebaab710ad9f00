/// Manufacturers, machine models, parts and typical faults of the demo shop's brands.
/// In number templates `#` is a digit and `@` a capital letter (see `fill`).
enum Catalog {
    struct Manufacturer {
        let code: String
        let name: String
        let shortName: String
        let email: String
        let phone: String
        let address: String
        let partNumbers: [String] // templates in the brand's own style
        let supplierPrefix: String
        let warranty: (months: Int, hours: Int?, km: Int?, basis: String)
    }

    struct Model {
        let manufacturer: String
        let name: String
        let category: String // machines.category
        let engineNo: String
        let serialNo: String
        let popularity: Int

        var isTruck: Bool { category == "自卸车" || category == "牵引车" }
    }

    static let manufacturers = [
        Manufacturer(code: "SANY", name: "三一重机有限公司", shortName: "三一重工", email: "sany-claims@example.com",
                     phone: "400-688-2318", address: "江苏省昆山市经济技术开发区三一路1号",
                     partNumbers: ["60######", "B22########"], supplierPrefix: "SY", warranty: (36, 5000, nil, "registration_date")),
        Manufacturer(code: "XCMG", name: "徐州徐工挖掘机械有限公司", shortName: "徐工", email: "xcmg-claims@example.com",
                     phone: "400-110-9999", address: "江苏省徐州市经济技术开发区桃山路19号",
                     partNumbers: ["80#######", "86#######"], supplierPrefix: "XG", warranty: (24, 4000, nil, "registration_date")),
        Manufacturer(code: "KOMATSU", name: "小松(中国)投资有限公司", shortName: "小松", email: "komatsu-claims@example.com",
                     phone: "400-820-6006", address: "上海市浦东新区张江高科技园区郭守敬路",
                     partNumbers: ["6###-##-####", "20Y-##-#####", "600-###-####"], supplierPrefix: "KM",
                     warranty: (12, 2000, nil, "delivery_date")),
        Manufacturer(code: "LIUGONG", name: "广西柳工机械股份有限公司", shortName: "柳工", email: "liugong-claims@example.com",
                     phone: "400-600-6699", address: "广西壮族自治区柳州市柳太路1号",
                     partNumbers: ["SP1#####", "40C####"], supplierPrefix: "LG", warranty: (12, 2000, nil, "purchase_date")),
        Manufacturer(code: "SDLG", name: "山东临工工程机械有限公司", shortName: "山东临工", email: "sdlg-claims@example.com",
                     phone: "400-658-0916", address: "山东省临沂经济技术开发区临工路66号",
                     partNumbers: ["4110000######", "29100######"], supplierPrefix: "LN", warranty: (12, 2000, nil, "purchase_date")),
        Manufacturer(code: "CAT", name: "卡特彼勒(中国)投资有限公司", shortName: "卡特彼勒", email: "cat-claims@example.com",
                     phone: "400-827-7888", address: "北京市朝阳区建国门外大街",
                     partNumbers: ["#R-####", "###-####"], supplierPrefix: "CT", warranty: (24, 3000, nil, "delivery_date")),
        Manufacturer(code: "VOLVO", name: "沃尔沃建筑设备(中国)有限公司", shortName: "沃尔沃", email: "volvo-claims@example.com",
                     phone: "400-820-7177", address: "上海市浦东新区金桥出口加工区",
                     partNumbers: ["VOE1#######"], supplierPrefix: "VO", warranty: (24, 3000, nil, "delivery_date")),
        Manufacturer(code: "SINOTRUK", name: "中国重型汽车集团有限公司", shortName: "中国重汽", email: "sinotruk-claims@example.com",
                     phone: "400-665-0707", address: "山东省济南市高新区华奥路777号",
                     partNumbers: ["WG97########", "AZ9#########"], supplierPrefix: "ZQ", warranty: (24, nil, 200_000, "registration_date")),
        Manufacturer(code: "SHACMAN", name: "陕西汽车控股集团有限公司", shortName: "陕汽", email: "shacman-claims@example.com",
                     phone: "400-700-0688", address: "陕西省西安市经济技术开发区泾渭工业园",
                     partNumbers: ["DZ9#########", "DZ95#######"], supplierPrefix: "SQ", warranty: (24, nil, 200_000, "registration_date")),
    ]

    static let models = [
        Model(manufacturer: "SANY", name: "SY215C", category: "挖掘机", engineNo: "4HK1-######", serialNo: "SY215C@@#####", popularity: 12),
        Model(manufacturer: "SANY", name: "SY365H", category: "挖掘机", engineNo: "6HK1-######", serialNo: "SY365H@@#####", popularity: 6),
        Model(manufacturer: "SANY", name: "SY135C", category: "挖掘机", engineNo: "4JJ1-######", serialNo: "SY135C@@#####", popularity: 6),
        Model(manufacturer: "SANY", name: "SY75C", category: "挖掘机", engineNo: "4TNV98-######", serialNo: "SY075C@@#####", popularity: 7),
        Model(manufacturer: "XCMG", name: "XE215DA", category: "挖掘机", engineNo: "7#######", serialNo: "XUG0215D@@A#####", popularity: 8),
        Model(manufacturer: "XCMG", name: "XE370DK", category: "挖掘机", engineNo: "7#######", serialNo: "XUG0370D@@K#####", popularity: 4),
        Model(manufacturer: "XCMG", name: "ZL50GN", category: "装载机", engineNo: "16##@######", serialNo: "XUG050GN@@#####", popularity: 5),
        Model(manufacturer: "KOMATSU", name: "PC200-8", category: "挖掘机", engineNo: "26######", serialNo: "KMTPC200C5#####", popularity: 6),
        Model(manufacturer: "KOMATSU", name: "PC360-7", category: "挖掘机", engineNo: "5######", serialNo: "KMTPC360C7#####", popularity: 3),
        Model(manufacturer: "LIUGONG", name: "CLG856H", category: "装载机", engineNo: "1620@######", serialNo: "LGG856HX@@#####", popularity: 5),
        Model(manufacturer: "LIUGONG", name: "CLG922E", category: "挖掘机", engineNo: "7#######", serialNo: "LGG922EX@@#####", popularity: 3),
        Model(manufacturer: "SDLG", name: "LG936L", category: "挖掘机", engineNo: "1622@######", serialNo: "VLG0936L@@#####", popularity: 4),
        Model(manufacturer: "SDLG", name: "L956F", category: "装载机", engineNo: "1614@######", serialNo: "VLG0956F@@#####", popularity: 5),
        Model(manufacturer: "CAT", name: "320GC", category: "挖掘机", engineNo: "ZA4#####", serialNo: "CAT0320GCZ@@#####", popularity: 5),
        Model(manufacturer: "CAT", name: "336GC", category: "挖掘机", engineNo: "TH6#####", serialNo: "CAT0336GCZ@@#####", popularity: 2),
        Model(manufacturer: "VOLVO", name: "EC210D", category: "挖掘机", engineNo: "D5E######", serialNo: "VCEC210DV000#####", popularity: 4),
        Model(manufacturer: "VOLVO", name: "EC480DL", category: "挖掘机", engineNo: "D13J######", serialNo: "VCEC480DL000#####", popularity: 1),
        Model(manufacturer: "SINOTRUK", name: "HOWO ZZ3257N3847E", category: "自卸车", engineNo: "16##@######", serialNo: "LZZ5ELSD#@N######", popularity: 6),
        Model(manufacturer: "SINOTRUK", name: "HOWO TX ZZ4257V324HE1B", category: "牵引车", engineNo: "17##@######", serialNo: "LZZ1CLVB#@N######", popularity: 2),
        Model(manufacturer: "SHACMAN", name: "德龙X3000 SX3250XC5", category: "自卸车", engineNo: "17##@######", serialNo: "LZGJL4W4#@X######", popularity: 4),
        Model(manufacturer: "SHACMAN", name: "德龙F3000 SX4250NT324", category: "牵引车", engineNo: "16##@######", serialNo: "LZGJR4V4#@X######", popularity: 2),
    ]

    /// The makers' own suppliers; every manufacturer gets a code of its own for each.
    static let suppliers = ["潍柴动力股份有限公司", "康明斯(中国)投资有限公司", "五十铃(中国)发动机有限公司", "川崎精密机械(苏州)有限公司",
                            "博世力士乐(常州)有限公司", "江苏恒立液压股份有限公司", "纳博特斯克(中国)精密机器有限公司",
                            "浙江盛源机械有限公司", "湖南长沙汽车电器有限公司", "株洲齿轮有限责任公司", "青岛橡胶软管有限公司",
                            "杭州前进齿轮箱集团股份有限公司"]

    enum Fit { case all, excavator, loader, truck, machine }

    struct Part {
        let name: String
        let unit: String
        let yuan: Int
        let supplier: Int // index into `suppliers`
        let fit: Fit
    }

    static let parts = [
        // Maintenance consumables
        Part(name: "机油滤芯", unit: "个", yuan: 85, supplier: 0, fit: .all),
        Part(name: "柴油滤芯", unit: "个", yuan: 120, supplier: 0, fit: .all),
        Part(name: "油水分离器滤芯", unit: "个", yuan: 160, supplier: 0, fit: .all),
        Part(name: "空气滤芯(外)", unit: "个", yuan: 280, supplier: 0, fit: .all),
        Part(name: "空气滤芯(内)", unit: "个", yuan: 150, supplier: 0, fit: .all),
        Part(name: "液压油回油滤芯", unit: "个", yuan: 380, supplier: 4, fit: .machine),
        Part(name: "先导滤芯", unit: "个", yuan: 95, supplier: 4, fit: .machine),
        Part(name: "发动机机油 CI-4 15W-40", unit: "升", yuan: 28, supplier: 0, fit: .all),
        Part(name: "抗磨液压油 46#", unit: "升", yuan: 22, supplier: 4, fit: .machine),
        Part(name: "重负荷齿轮油 85W-90", unit: "升", yuan: 35, supplier: 9, fit: .all),
        Part(name: "锂基润滑脂", unit: "公斤", yuan: 30, supplier: 9, fit: .all),
        Part(name: "长效防冻液 -35℃", unit: "升", yuan: 18, supplier: 0, fit: .all),
        // Engine
        Part(name: "喷油器总成", unit: "个", yuan: 2800, supplier: 1, fit: .all),
        Part(name: "高压油泵总成", unit: "个", yuan: 12800, supplier: 0, fit: .all),
        Part(name: "涡轮增压器", unit: "个", yuan: 6800, supplier: 1, fit: .all),
        Part(name: "水泵总成", unit: "个", yuan: 1650, supplier: 2, fit: .all),
        Part(name: "节温器", unit: "个", yuan: 260, supplier: 2, fit: .all),
        Part(name: "风扇皮带", unit: "条", yuan: 180, supplier: 2, fit: .all),
        Part(name: "发电机总成", unit: "个", yuan: 1900, supplier: 8, fit: .all),
        Part(name: "起动马达", unit: "个", yuan: 2600, supplier: 8, fit: .all),
        Part(name: "缸盖垫", unit: "个", yuan: 680, supplier: 0, fit: .all),
        Part(name: "散热器总成", unit: "个", yuan: 5200, supplier: 7, fit: .all),
        // Hydraulics
        Part(name: "液压主泵总成", unit: "台", yuan: 58000, supplier: 3, fit: .excavator),
        Part(name: "主控阀(多路阀)", unit: "台", yuan: 36000, supplier: 3, fit: .excavator),
        Part(name: "回转马达总成", unit: "台", yuan: 26000, supplier: 6, fit: .excavator),
        Part(name: "行走马达总成", unit: "台", yuan: 32000, supplier: 6, fit: .excavator),
        Part(name: "动臂油缸密封包", unit: "套", yuan: 850, supplier: 5, fit: .machine),
        Part(name: "斗杆油缸密封包", unit: "套", yuan: 780, supplier: 5, fit: .excavator),
        Part(name: "铲斗油缸总成", unit: "根", yuan: 9800, supplier: 5, fit: .machine),
        Part(name: "高压胶管总成", unit: "根", yuan: 420, supplier: 10, fit: .machine),
        Part(name: "先导阀", unit: "个", yuan: 3200, supplier: 4, fit: .excavator),
        Part(name: "液压油散热器", unit: "个", yuan: 5200, supplier: 7, fit: .machine),
        Part(name: "中央回转接头", unit: "个", yuan: 7600, supplier: 6, fit: .excavator),
        Part(name: "比例电磁阀", unit: "个", yuan: 1600, supplier: 4, fit: .machine),
        // Undercarriage and work equipment
        Part(name: "支重轮", unit: "个", yuan: 980, supplier: 7, fit: .excavator),
        Part(name: "托链轮", unit: "个", yuan: 620, supplier: 7, fit: .excavator),
        Part(name: "引导轮总成", unit: "个", yuan: 2600, supplier: 7, fit: .excavator),
        Part(name: "驱动齿块", unit: "个", yuan: 1800, supplier: 7, fit: .excavator),
        Part(name: "张紧油缸总成", unit: "个", yuan: 3800, supplier: 5, fit: .excavator),
        Part(name: "斗齿", unit: "个", yuan: 160, supplier: 7, fit: .machine),
        Part(name: "齿座", unit: "个", yuan: 380, supplier: 7, fit: .machine),
        Part(name: "铲斗销轴", unit: "根", yuan: 650, supplier: 7, fit: .machine),
        Part(name: "回转支承", unit: "个", yuan: 16800, supplier: 9, fit: .excavator),
        // Electrical and cab
        Part(name: "整机控制器", unit: "个", yuan: 9800, supplier: 8, fit: .machine),
        Part(name: "显示器总成", unit: "个", yuan: 4200, supplier: 8, fit: .machine),
        Part(name: "油门电机", unit: "个", yuan: 1350, supplier: 8, fit: .excavator),
        Part(name: "免维护蓄电池 12V 120Ah", unit: "个", yuan: 900, supplier: 8, fit: .all),
        Part(name: "空调压缩机", unit: "个", yuan: 2800, supplier: 8, fit: .all),
        Part(name: "前挡风玻璃", unit: "块", yuan: 950, supplier: 7, fit: .all),
        // Loaders and trucks
        Part(name: "变速箱总成", unit: "台", yuan: 28000, supplier: 11, fit: .loader),
        Part(name: "液力变矩器", unit: "台", yuan: 9800, supplier: 11, fit: .loader),
        Part(name: "制动钳总成", unit: "个", yuan: 1100, supplier: 9, fit: .loader),
        Part(name: "全液压转向器", unit: "个", yuan: 3600, supplier: 4, fit: .loader),
        Part(name: "离合器从动盘", unit: "片", yuan: 780, supplier: 9, fit: .truck),
        Part(name: "离合器压盘总成", unit: "个", yuan: 1500, supplier: 9, fit: .truck),
        Part(name: "制动蹄片总成", unit: "套", yuan: 560, supplier: 9, fit: .truck),
        Part(name: "后钢板弹簧总成", unit: "副", yuan: 2400, supplier: 9, fit: .truck),
        Part(name: "子午线轮胎 12.00R20", unit: "条", yuan: 2300, supplier: 10, fit: .truck),
    ]

    static func part(named name: String) -> Int {
        guard let index = parts.firstIndex(where: { $0.name == name }) else { preconditionFailure("unknown part \(name)") }
        return index
    }

    /// A fault as the customer reports it and as the shop finds and fixes it; the first part is the causal part (主损件).
    struct Fault {
        let fit: Fit
        let complaint: String
        let cause: String
        let correction: String
        let parts: [(name: String, quantity: Int)]
        let labourHours: Double
        let code: String // failure code for claims
        let severity: String
    }

    static let faults = [
        Fault(fit: .excavator, complaint: "挖机动作慢，重载时明显无力，挖不动土", cause: "液压主泵柱塞与缸体磨损，内泄量超标，主泵输出流量不足",
              correction: "更换液压主泵总成，清洗液压系统，更换液压油及回油滤芯", parts: [("液压主泵总成", 1), ("液压油回油滤芯", 1), ("抗磨液压油 46#", 180)],
              labourHours: 12, code: "YY-B01", severity: "严重"),
        Fault(fit: .excavator, complaint: "回转时有咔咔异响，回转无力", cause: "回转马达制动片磨损、马达内泄", correction: "更换回转马达总成",
              parts: [("回转马达总成", 1), ("锂基润滑脂", 2)], labourHours: 8, code: "HZ-M02", severity: "严重"),
        Fault(fit: .excavator, complaint: "行走跑偏，往左边跑", cause: "左侧行走马达浮动密封损坏，马达内泄", correction: "更换左侧行走马达总成",
              parts: [("行走马达总成", 1), ("重负荷齿轮油 85W-90", 6)], labourHours: 10, code: "XZ-M01", severity: "严重"),
        Fault(fit: .all, complaint: "发动机冒黑烟，动力不足，油耗高", cause: "喷油器雾化不良，3缸喷油器针阀卡滞", correction: "更换喷油器总成，检查高压油路",
              parts: [("喷油器总成", 2), ("柴油滤芯", 1)], labourHours: 4, code: "FD-P03", severity: "一般"),
        Fault(fit: .all, complaint: "水温高报警，干一会儿活就开锅", cause: "节温器卡滞不能全开，散热器外部堵塞", correction: "更换节温器，清洗散热器，更换防冻液",
              parts: [("节温器", 1), ("长效防冻液 -35℃", 20)], labourHours: 3, code: "FD-C05", severity: "一般"),
        Fault(fit: .machine, complaint: "大臂自己往下掉，油缸漏油", cause: "动臂油缸活塞密封及导向带损坏", correction: "拆检动臂油缸，更换密封包",
              parts: [("动臂油缸密封包", 2), ("抗磨液压油 46#", 20)], labourHours: 6, code: "YY-C04", severity: "一般"),
        Fault(fit: .machine, complaint: "干活时油管爆了，喷了一地液压油", cause: "斗杆高压胶管与结构件干涉磨损爆裂", correction: "更换高压胶管，重新布管加装护套",
              parts: [("高压胶管总成", 2), ("抗磨液压油 46#", 40)], labourHours: 2.5, code: "YY-H06", severity: "一般"),
        Fault(fit: .machine, complaint: "显示器黑屏，什么都不显示", cause: "显示器内部电源模块损坏", correction: "更换显示器总成并刷写程序",
              parts: [("显示器总成", 1)], labourHours: 1.5, code: "DQ-D01", severity: "一般"),
        Fault(fit: .all, complaint: "空调不制冷，吹的都是热风", cause: "空调压缩机离合器烧蚀，压缩机不工作", correction: "更换空调压缩机，抽真空加注冷媒",
              parts: [("空调压缩机", 1)], labourHours: 3, code: "KT-Y02", severity: "一般"),
        Fault(fit: .all, complaint: "早上启动困难，要打好几次才着", cause: "起动马达碳刷磨损，蓄电池亏电", correction: "更换起动马达和蓄电池",
              parts: [("起动马达", 1), ("免维护蓄电池 12V 120Ah", 2)], labourHours: 2, code: "DQ-Q03", severity: "一般"),
        Fault(fit: .excavator, complaint: "履带老是掉，张紧不住", cause: "张紧油缸密封失效，黄油保压不住", correction: "更换张紧油缸总成，调整履带张紧度",
              parts: [("张紧油缸总成", 1), ("锂基润滑脂", 3)], labourHours: 5, code: "DP-Z01", severity: "一般"),
        Fault(fit: .excavator, complaint: "支重轮漏油，有两个不转", cause: "支重轮浮动油封损坏，轴承缺油烧结", correction: "更换支重轮",
              parts: [("支重轮", 2)], labourHours: 4, code: "DP-L02", severity: "一般"),
        Fault(fit: .machine, complaint: "斗齿断了两个，齿座也松了", cause: "挖掘硬岩冲击导致斗齿断裂、齿座焊缝开裂", correction: "更换斗齿和齿座，补焊铲斗",
              parts: [("斗齿", 5), ("齿座", 2)], labourHours: 3, code: "GZ-D01", severity: "一般"),
        Fault(fit: .excavator, complaint: "操作手柄没反应，整车不动作", cause: "先导滤芯堵塞，先导压力低", correction: "更换先导滤芯，调整先导压力",
              parts: [("先导滤芯", 1), ("先导阀", 1)], labourHours: 2.5, code: "YY-X03", severity: "严重"),
        Fault(fit: .loader, complaint: "挂档无力，上坡走不动", cause: "变速箱离合器片磨损打滑，变速压力低", correction: "更换变速箱总成",
              parts: [("变速箱总成", 1), ("重负荷齿轮油 85W-90", 40)], labourHours: 14, code: "CD-B01", severity: "严重"),
        Fault(fit: .loader, complaint: "刹车软，踩到底才有一点", cause: "制动钳活塞密封漏油，制动液压力不足", correction: "更换制动钳总成并排气",
              parts: [("制动钳总成", 2)], labourHours: 4, code: "ZD-Q02", severity: "严重"),
        Fault(fit: .loader, complaint: "方向很沉，打不动", cause: "全液压转向器内泄，转向压力不足", correction: "更换全液压转向器",
              parts: [("全液压转向器", 1), ("抗磨液压油 46#", 20)], labourHours: 3, code: "ZX-Q01", severity: "一般"),
        Fault(fit: .truck, complaint: "离合器打滑，重车上坡没劲", cause: "离合器从动盘摩擦片磨损到铆钉，压盘烧蚀", correction: "更换离合器从动盘和压盘总成",
              parts: [("离合器从动盘", 1), ("离合器压盘总成", 1)], labourHours: 6, code: "CD-L01", severity: "一般"),
        Fault(fit: .truck, complaint: "刹车跑偏，往右边拽", cause: "右前制动蹄片磨损不均，制动间隙过大", correction: "更换前轮制动蹄片，调整制动间隙",
              parts: [("制动蹄片总成", 2)], labourHours: 3, code: "ZD-P03", severity: "严重"),
        Fault(fit: .truck, complaint: "后钢板断了一片，车身歪", cause: "超载行驶导致后钢板弹簧主片断裂", correction: "更换后钢板弹簧总成",
              parts: [("后钢板弹簧总成", 1)], labourHours: 4, code: "XG-G02", severity: "一般"),
        Fault(fit: .all, complaint: "充电指示灯亮，电瓶老是没电", cause: "发电机调节器损坏，不发电", correction: "更换发电机总成",
              parts: [("发电机总成", 1)], labourHours: 1.5, code: "DQ-F01", severity: "一般"),
        Fault(fit: .all, complaint: "增压器漏机油，排气管冒蓝烟", cause: "涡轮增压器轴承磨损，密封环失效", correction: "更换涡轮增压器，检查进气管路",
              parts: [("涡轮增压器", 1), ("发动机机油 CI-4 15W-40", 20), ("机油滤芯", 1)], labourHours: 4, code: "FD-T02", severity: "一般"),
        Fault(fit: .machine, complaint: "液压油温度高，下午就动作慢", cause: "液压油散热器芯体堵塞、内部渗漏", correction: "更换液压油散热器",
              parts: [("液压油散热器", 1), ("抗磨液压油 46#", 30)], labourHours: 5, code: "YY-S05", severity: "一般"),
        Fault(fit: .excavator, complaint: "油门调不了，一直是怠速", cause: "油门电机位置传感器损坏", correction: "更换油门电机并标定",
              parts: [("油门电机", 1)], labourHours: 1.5, code: "DQ-Y04", severity: "一般"),
        Fault(fit: .machine, complaint: "仪表报警，提示比例阀故障", cause: "泵比例电磁阀线圈断路", correction: "更换比例电磁阀，清除故障码",
              parts: [("比例电磁阀", 1)], labourHours: 1.5, code: "DQ-B05", severity: "一般"),
        Fault(fit: .excavator, complaint: "回转有间隙，停的时候晃", cause: "回转支承滚道磨损，游隙超标", correction: "更换回转支承",
              parts: [("回转支承", 1), ("锂基润滑脂", 5)], labourHours: 16, code: "HZ-Z01", severity: "严重"),
    ]

    /// Scheduled maintenance by interval: filters and fluids.
    static let services: [(hours: Int, parts: [(name: String, quantity: Int)], labourHours: Double)] = [
        (250, [("机油滤芯", 1), ("发动机机油 CI-4 15W-40", 20), ("锂基润滑脂", 2)], 1.5),
        (500, [("机油滤芯", 1), ("柴油滤芯", 1), ("油水分离器滤芯", 1), ("发动机机油 CI-4 15W-40", 20), ("锂基润滑脂", 2)], 2.5),
        (1000, [("机油滤芯", 1), ("柴油滤芯", 1), ("油水分离器滤芯", 1), ("空气滤芯(外)", 1), ("先导滤芯", 1),
                ("发动机机油 CI-4 15W-40", 20), ("锂基润滑脂", 3)], 3.5),
        (2000, [("机油滤芯", 1), ("柴油滤芯", 1), ("油水分离器滤芯", 1), ("空气滤芯(外)", 1), ("空气滤芯(内)", 1),
                ("液压油回油滤芯", 1), ("先导滤芯", 1), ("发动机机油 CI-4 15W-40", 20), ("抗磨液压油 46#", 200),
                ("重负荷齿轮油 85W-90", 12), ("锂基润滑脂", 4)], 6),
    ]

    static func fits(_ fit: Fit, _ model: Model) -> Bool {
        switch fit {
        case .all: true
        case .excavator: model.category == "挖掘机"
        case .loader: model.category == "装载机"
        case .truck: model.isTruck
        case .machine: !model.isTruck
        }
    }

    /// Fills a number template: `#` → digit, `@` → capital letter (no I or O, as on nameplates).
    static func fill(_ template: String, _ rng: inout SplitMix64) -> String {
        let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
        return String(template.map { character -> Character in
            switch character {
            case "#": Character(String(rng.int(0...9)))
            case "@": rng.pick(letters)
            default: character
            }
        })
    }
}
