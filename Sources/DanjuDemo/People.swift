/// Realistic Chinese names, places, companies and phone numbers for a shop in Hunan.
enum People {
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹黎贺顾毛龚邵万严覃戴莫向汤易文").map(String.init)
    static let givenCharacters = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌辉鹏飞俊峰海波宇浩凯亮健林兵春梅云东清新国庆德胜永福金龙雄兴家旺湘江").map(String.init)

    /// Names with characters outside the common set: CJK Extension A (㵘, 䶮) and B (𠀾, beyond the BMP).
    static let rareNames = ["刘䶮", "王㵘", "陈𠀾", "张䶮明", "李㵘涛", "周𠀾华"]

    struct City {
        let name: String
        let plate: String
        let areaCode: String
        let districts: [String]
    }

    static let cities = [
        City(name: "长沙市", plate: "湘A", areaCode: "0731", districts: ["雨花区", "岳麓区", "望城区", "长沙县", "宁乡市", "浏阳市", "开福区"]),
        City(name: "株洲市", plate: "湘B", areaCode: "0731", districts: ["天元区", "荷塘区", "醴陵市", "攸县"]),
        City(name: "湘潭市", plate: "湘C", areaCode: "0731", districts: ["岳塘区", "雨湖区", "湘乡市", "韶山市"]),
        City(name: "衡阳市", plate: "湘D", areaCode: "0734", districts: ["蒸湘区", "石鼓区", "衡南县", "耒阳市"]),
        City(name: "邵阳市", plate: "湘E", areaCode: "0739", districts: ["大祥区", "双清区", "邵东市", "新邵县"]),
        City(name: "岳阳市", plate: "湘F", areaCode: "0730", districts: ["岳阳楼区", "云溪区", "汨罗市", "平江县"]),
        City(name: "常德市", plate: "湘J", areaCode: "0736", districts: ["武陵区", "鼎城区", "澧县", "桃源县"]),
        City(name: "益阳市", plate: "湘H", areaCode: "0737", districts: ["赫山区", "资阳区", "沅江市", "安化县"]),
        City(name: "娄底市", plate: "湘K", areaCode: "0738", districts: ["娄星区", "冷水江市", "涟源市", "双峰县"]),
    ]

    private static let streets = ["人民路", "建设路", "解放路", "芙蓉路", "韶山路", "湘江大道", "工业大道", "金星路", "迎宾路",
                                  "劳动路", "车站路", "新华路", "经开区大道", "黄兴大道", "机场大道", "环城路"]
    private static let towns = ["高塘岭街道", "星沙街道", "黄花镇", "白箬铺镇", "洞井街道", "城关镇", "金井镇", "道林镇", "坪塘街道"]
    private static let companyWords = ["鑫达", "宏远", "顺通", "隆兴", "恒信", "金盛", "华建", "远大", "众力", "永安", "湘通", "盛世",
                                       "天宇", "宏图", "汇丰", "泰和", "联创", "正和", "安达", "晟峰", "瑞丰", "锦程"]
    private static let companyKinds = ["土石方工程有限公司", "建设工程有限公司", "路桥工程有限公司", "运输有限公司", "矿业有限公司",
                                       "工程机械租赁有限公司", "市政工程有限公司", "建材有限公司", "物流有限公司"]

    static func personName(_ rng: inout SplitMix64) -> String {
        let surname = rng.pick(surnames)
        let given = rng.chance(0.7) ? rng.pick(givenCharacters) + rng.pick(givenCharacters) : rng.pick(givenCharacters)
        return surname + given
    }

    /// A mobile number: 1[3-9]x xxxx xxxx, stored as 11 digits.
    static func mobile(_ rng: inout SplitMix64) -> String {
        let prefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "157", "158",
                        "159", "166", "173", "175", "177", "180", "181", "182", "185", "186", "187", "188", "189", "191", "198", "199"]
        return rng.pick(prefixes) + digits(rng.int(0...99_999_999), 8)
    }

    static func landline(_ city: City, _ rng: inout SplitMix64) -> String {
        "\(city.areaCode)-\(rng.int(2...8))\(digits(rng.int(0...9_999_999), 7))"
    }

    static func companyName(_ city: City, _ rng: inout SplitMix64) -> String {
        let place = city.name.dropLast() // 长沙市 → 长沙
        return place + rng.pick(companyWords) + rng.pick(companyKinds)
    }

    static func address(_ city: City, _ rng: inout SplitMix64) -> String {
        let district = rng.pick(city.districts)
        switch rng.int(0...2) {
        case 0: return "湖南省\(city.name)\(district)\(rng.pick(streets))\(rng.int(1...899))号"
        case 1: return "湖南省\(city.name)\(district)\(rng.pick(towns))\(rng.pick(["新村", "石门", "杨家", "大塘", "松山"]))村\(rng.int(1...15))组"
        default:
            return "湖南省\(city.name)\(district)\(rng.pick(streets))\(rng.int(1...300))号\(rng.pick(["工业园", "物流园", "产业园"]))\(rng.int(1...12))栋\(rng.int(101...1208))室"
        }
    }

    static func plate(_ city: City, _ rng: inout SplitMix64) -> String {
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        var tail = ""
        for index in 0..<5 {
            tail += index == 1 && rng.chance(0.4) ? String(rng.pick(letters)) : String(rng.int(0...9))
        }
        return city.plate + tail
    }
}
